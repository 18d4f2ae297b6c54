package io.github.sqlitevec.jdbc.internal.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeSelectionTest {
    @TempDir
    Path dir;

    private static NativeManifest bundled() {
        return NativeManifest.load("META-INF/sqlitevec/natives/" + SqliteVecDriver.SQLITE_VEC_VERSION);
    }

    @Test
    void platformIdsFollowTheManifestNames() {
        assertEquals("linux-x86_64", Platform.id("Linux", "amd64", false));
        assertEquals("linux-musl-aarch64", Platform.id("Linux", "aarch64", true));
        assertEquals("linux-armv7", Platform.id("Linux", "arm", false));
        assertEquals("macos-aarch64", Platform.id("Mac OS X", "aarch64", false));
        assertEquals("windows-x86_64", Platform.id("Windows 11", "amd64", false));
        assertEquals("freebsd-x86_64", Platform.id("FreeBSD", "amd64", false));
    }

    @Test
    void theJarCarriesANativeForTheTestedPlatforms() {
        for (String platform : new String[] {"linux-x86_64", "linux-x86_64-v3", "linux-aarch64", "linux-armv7",
                "linux-musl-x86_64", "linux-musl-aarch64", "macos-x86_64", "macos-aarch64", "windows-x86_64", "windows-aarch64"}) {
            assertTrue(bundled().entries.containsKey(platform), platform);
        }
    }

    @Test
    void unsupportedPlatformGetsAMessageWithTheFix() {
        SQLException e = assertThrows(SQLException.class, () -> NativeLibraryLoader.choose(bundled(), "linux-riscv32"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("no sqlite-vec native for linux-riscv32"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dsqlitevec.native.path="), e.getMessage());
    }

    @Test
    void extractionVerifiesAndReusesTheFile() throws Exception {
        NativeManifest manifest = bundled();
        NativeManifest.Entry entry = NativeLibraryLoader.choose(manifest, Platform.current());
        Path first = NativeLibraryLoader.extractInto(manifest, entry, dir);
        Path second = NativeLibraryLoader.extractInto(manifest, entry, dir);
        assertEquals(first, second);
        assertEquals(entry.size, Files.size(first));
        assertTrue(first.getFileName().toString().startsWith(entry.sha256.substring(0, 16)));
    }

    @Test
    void aTamperedCachedFileIsReplaced() throws Exception {
        NativeManifest manifest = bundled();
        NativeManifest.Entry entry = NativeLibraryLoader.choose(manifest, Platform.current());
        Path file = NativeLibraryLoader.extractInto(manifest, entry, dir);
        Files.write(file, new byte[] {1, 2, 3});
        Path again = NativeLibraryLoader.extractInto(manifest, entry, dir);
        assertEquals(entry.size, Files.size(again));
    }

    @Test
    void unwritableDirectoryGetsAMessageWithTheFix() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
        String previousDir = System.getProperty(NativeLibraryLoader.DIR_PROPERTY);
        String previousPath = System.getProperty(NativeLibraryLoader.PATH_PROPERTY);
        System.setProperty(NativeLibraryLoader.DIR_PROPERTY, notADirectory.resolve("sub").toString());
        System.clearProperty(NativeLibraryLoader.PATH_PROPERTY);
        try {
            SQLException e = assertThrows(SQLException.class, () -> NativeLibraryLoader.locate(SqliteVecDriver.SQLITE_VEC_VERSION));
            assertEquals("08001", e.getSQLState());
            assertTrue(e.getMessage().contains("cannot extract the sqlite-vec native"), e.getMessage());
            assertTrue(e.getMessage().contains("-Dsqlitevec.native.dir="), e.getMessage());
        } finally {
            restore(NativeLibraryLoader.DIR_PROPERTY, previousDir);
            restore(NativeLibraryLoader.PATH_PROPERTY, previousPath);
        }
    }

    @Test
    void aMissingExplicitLibraryGetsAMessageWithTheFix() {
        String previousPath = System.getProperty(NativeLibraryLoader.PATH_PROPERTY);
        System.setProperty(NativeLibraryLoader.PATH_PROPERTY, dir.resolve("nope.so").toString());
        try {
            SQLException e = assertThrows(SQLException.class, () -> NativeLibraryLoader.locate(SqliteVecDriver.SQLITE_VEC_VERSION));
            assertTrue(e.getMessage().contains("is not a readable file"), e.getMessage());
        } finally {
            restore(NativeLibraryLoader.PATH_PROPERTY, previousPath);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
