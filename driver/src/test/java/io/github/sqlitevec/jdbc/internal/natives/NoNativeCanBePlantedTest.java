package io.github.sqlitevec.jdbc.internal.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local user must not be able to make the driver load a library of theirs: not by creating
 * the shared directory under {@code java.io.tmpdir} first, not by placing a file or a link where the
 * library goes, not through a directory others can write.
 */
class NoNativeCanBePlantedTest {

    @TempDir
    Path dir;

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private static NativeManifest manifest() {
        return NativeManifest.load("META-INF/sqlitevec/natives/" + SqliteVecDriver.SQLITE_VEC_VERSION);
    }

    /**
     * A directory that belongs to another user: as root (CI) a fresh one given to {@code nobody};
     * otherwise the root directory, which belongs to root.
     */
    private Path foreignDirectory() throws IOException {
        if (!ROOT) {
            return Paths.get("/");
        }
        Path foreign = Files.createDirectory(dir.resolve("sqlitevec-planted"));
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rwxrwxrwx"));
        UserPrincipal nobody = foreign.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(foreign, nobody);
        return foreign;
    }

    @Test
    void aDirectoryOfAnotherUserIsRefusedWithTheFix() throws Exception {
        Path foreign = foreignDirectory();
        IOException e = assertThrows(IOException.class, () -> PrivateDirectory.prepare(foreign, foreign));
        assertTrue(e.getMessage().contains("belongs to") && e.getMessage().contains(NativeLibraryLoader.DIR_PROPERTY), e.getMessage());
    }

    @Test
    void aPlantedSharedDirectoryFallsBackToAFreshPrivateOne() throws Exception {
        Path foreign = foreignDirectory();
        NativeManifest manifest = manifest();
        NativeManifest.Entry entry = NativeLibraryLoader.choose(manifest, Platform.current());
        Path loaded = NativeLibraryLoader.extractSomewhere(manifest, entry,
                List.<Path[]>of(new Path[] {foreign, foreign.resolve("sqlite-vec-" + SqliteVecDriver.SQLITE_VEC_VERSION)}), true);
        assertFalse(loaded.startsWith(foreign), loaded.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(loaded.getParent())));
        assertEquals(Files.getOwner(dir), Files.getOwner(loaded.getParent()));
        assertTrue(PrivateDirectory.isTrustedFile(loaded));
    }

    @Test
    void aPlantedSharedDirectoryIsAnErrorWhenTheUserChoseIt() throws Exception {
        Path foreign = foreignDirectory();
        NativeManifest manifest = manifest();
        NativeManifest.Entry entry = NativeLibraryLoader.choose(manifest, Platform.current());
        SQLException e = assertThrows(SQLException.class, () -> NativeLibraryLoader.extractSomewhere(manifest, entry,
                List.<Path[]>of(new Path[] {foreign, foreign}), false));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("belongs to"), e.getMessage());
    }

    @Test
    void ourOwnDirectoryThatOthersCouldWriteIsClosedTo0700() throws Exception {
        Path top = Files.createDirectory(dir.resolve("cache"));
        Files.setPosixFilePermissions(top, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivateDirectory.prepare(top, top.resolve("sub"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(top)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(top.resolve("sub"))));
    }

    @Test
    void aLinkOrAForeignFileWhereTheLibraryGoesIsReplacedByOurVerifiedCopy() throws Exception {
        NativeManifest manifest = manifest();
        NativeManifest.Entry entry = NativeLibraryLoader.choose(manifest, Platform.current());
        Path genuine = NativeLibraryLoader.extractInto(manifest, entry, Files.createDirectory(dir.resolve("genuine")));
        Path target = Files.createDirectory(dir.resolve("cache")).resolve(genuine.getFileName());

        // a symbolic link to a file with the right bytes: the file behind it could change after the check
        Files.createSymbolicLink(target, genuine);
        Path extracted = NativeLibraryLoader.extractInto(manifest, entry, target.getParent());
        assertEquals(target, extracted);
        assertFalse(Files.isSymbolicLink(extracted));
        assertTrue(PrivateDirectory.isTrustedFile(extracted));

        // the right bytes, but writable by everyone
        Files.setPosixFilePermissions(extracted, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertFalse(PrivateDirectory.isTrustedFile(extracted));
        extracted = NativeLibraryLoader.extractInto(manifest, entry, target.getParent());
        assertTrue(PrivateDirectory.isTrustedFile(extracted));
        assertNotEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(extracted)));

        if (ROOT) { // the right bytes, but another user's file: they could rewrite it in place
            Files.setOwner(extracted, extracted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            assertFalse(PrivateDirectory.isTrustedFile(extracted));
            extracted = NativeLibraryLoader.extractInto(manifest, entry, target.getParent());
            assertEquals(Files.getOwner(dir), Files.getOwner(extracted, LinkOption.NOFOLLOW_LINKS));
        }
    }
}
