package io.github.sqlitevec.jdbc.internal.natives;

import io.github.sqlitevec.jdbc.internal.errors.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the sqlite-vec library for this platform: extracted from the jar once per JVM into a
 * per-user cache, under a content-hash name, written to a temporary file and atomically renamed,
 * and verified against the manifest's SHA-256 before use. Every directory used must be this
 * user's with mode 0700 ({@link PrivateDirectory}), so nobody else can swap the verified file
 * before it is loaded; when the shared fallback under {@code java.io.tmpdir} was planted by
 * another user, a fresh private temporary directory is used instead. Many JVMs may start at once: each either
 * finds a verified file or renames its own complete copy into place. Thread-safe.
 *
 * <p>System properties: {@code sqlitevec.native.path} (use this library file, skip extraction),
 * {@code sqlitevec.native.dir} (extract here instead of the user cache),
 * {@code sqlitevec.native.cpu=baseline} (never pick the x86-64-v3 build).
 */
public final class NativeLibraryLoader {
    public static final String PATH_PROPERTY = "sqlitevec.native.path";
    public static final String DIR_PROPERTY = "sqlitevec.native.dir";
    public static final String CPU_PROPERTY = "sqlitevec.native.cpu";

    private static volatile Path loaded;

    private NativeLibraryLoader() {}

    /** The library to load into each connection; extracts it on the first call. */
    public static Path library(String sqliteVecVersion) throws SQLException {
        Path path = loaded;
        if (path == null) {
            synchronized (NativeLibraryLoader.class) {
                path = loaded;
                if (path == null) {
                    path = locate(sqliteVecVersion);
                    pin(path);
                    loaded = path;
                }
            }
        }
        return path;
    }

    /**
     * Keeps the library mapped for the life of the JVM. SQLite unloads an extension when the last
     * connection that loaded it closes, so without this every new connection after an idle moment
     * (a pool refilling, a test opening and closing) maps and relocates the file again: measured
     * here ~1 ms per connection instead of ~5 µs. System.load is just the platform's dlopen /
     * LoadLibrary of a file whose init SQLite calls; the JVM never calls into it.
     */
    private static void pin(Path library) {
        try {
            System.load(library.toString());
        } catch (UnsatisfiedLinkError | SecurityException e) {
            // Only a speed-up: SQLite still loads it per connection. Already loaded by another
            // class loader is the usual reason.
            System.getLogger(NativeLibraryLoader.class.getName()).log(System.Logger.Level.DEBUG,
                    "could not keep " + library + " loaded; each connection will map it again", e);
        }
    }

    static Path locate(String sqliteVecVersion) throws SQLException {
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Paths.get(explicit).toAbsolutePath();
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw failure("-D" + PATH_PROPERTY + "=" + explicit + " is not a readable file;"
                        + " point it at a sqlite-vec " + sqliteVecVersion + " loadable library, or unset it to use the bundled one", null);
            }
            return path;
        }
        NativeManifest manifest = NativeManifest.load("META-INF/sqlitevec/natives/" + sqliteVecVersion);
        NativeManifest.Entry entry = choose(manifest, Platform.current());
        return extractSomewhere(manifest, entry, candidateDirectories(sqliteVecVersion), System.getProperty(DIR_PROPERTY) == null);
    }

    /**
     * Extracts into the first candidate that is private to this user, else (when allowed) into a
     * fresh private temporary directory; each candidate is (topmost directory that must be ours,
     * directory to extract into).
     */
    static Path extractSomewhere(NativeManifest manifest, NativeManifest.Entry entry, List<Path[]> candidates,
            boolean freshDirectoryAllowed) throws SQLException {
        StringBuilder problems = new StringBuilder();
        for (Path[] topAndDir : candidates) {
            try {
                PrivateDirectory.prepare(topAndDir[0], topAndDir[1]);
                return extractInto(manifest, entry, topAndDir[1]);
            } catch (IOException e) {
                problems.append("\n  ").append(topAndDir[1]).append(": ").append(e);
            }
        }
        if (freshDirectoryAllowed) {
            try {
                // Last resort, when a shared path was planted: a fresh directory nobody else can know in advance.
                Path fresh = Files.createTempDirectory("sqlitevec-");
                fresh.toFile().deleteOnExit();
                Path extracted = extractInto(manifest, entry, fresh);
                extracted.toFile().deleteOnExit();
                return extracted;
            } catch (IOException e) {
                problems.append("\n  a fresh temporary directory: ").append(e);
            }
        }
        throw failure("cannot extract the sqlite-vec native for " + entry.platform + " to any writable directory:" + problems
                + "\nset -D" + DIR_PROPERTY + "=<a writable directory>, or -D" + PATH_PROPERTY + "=<an extracted "
                + entry.fileName() + ">", null);
    }

    static NativeManifest.Entry choose(NativeManifest manifest, String platform) throws SQLException {
        NativeManifest.Entry v3 = manifest.entries.get(platform + "-v3");
        if (v3 != null && !"baseline".equalsIgnoreCase(System.getProperty(CPU_PROPERTY, ""))
                && CpuFeatures.supportsX86_64_v3()) {
            return v3;
        }
        NativeManifest.Entry entry = manifest.entries.get(platform);
        if (entry == null) {
            throw failure("no sqlite-vec native for " + platform + " in this sqlitevec-jdbc jar (it has: "
                    + String.join(", ", manifest.entries.keySet()) + "); build sqlite-vec for your platform and set -D"
                    + PATH_PROPERTY + "=/path/to/vec0" + extension(platform), null);
        }
        return entry;
    }

    /** Pairs of (the topmost directory that must be ours, the directory to extract into). */
    private static List<Path[]> candidateDirectories(String sqliteVecVersion) {
        List<Path[]> dirs = new ArrayList<>();
        String chosen = System.getProperty(DIR_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            Path dir = Paths.get(chosen).toAbsolutePath();
            dirs.add(new Path[] {dir, dir});
            return dirs;
        }
        String sub = "sqlite-vec-" + sqliteVecVersion;
        Path cache = userCacheDirectory().resolve("sqlitevec");
        dirs.add(new Path[] {cache, cache.resolve(sub)});
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path shared = Paths.get(System.getProperty("java.io.tmpdir"), "sqlitevec-" + user);
        dirs.add(new Path[] {shared, shared.resolve(sub)});
        return dirs;
    }

    private static Path userCacheDirectory() {
        String home = System.getProperty("user.home", ".");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            return local != null ? Paths.get(local) : Paths.get(home, "AppData", "Local");
        }
        if (os.startsWith("mac")) {
            return Paths.get(home, "Library", "Caches");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(home, ".cache");
    }

    static Path extractInto(NativeManifest manifest, NativeManifest.Entry entry, Path dir) throws IOException {
        Path target = dir.resolve(entry.sha256.substring(0, 16) + "-" + entry.fileName());
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (PrivateDirectory.isTrustedFile(target) && matches(target, entry)) {
                return target;
            }
            Files.delete(target); // planted, linked or damaged: replaced by our own verified copy below
        }
        Path temp = Files.createTempFile(dir, ".extracting-", ".tmp");
        try {
            String sha256;
            try (InputStream in = manifest.open(entry)) {
                if (in == null) {
                    throw new IOException("the jar lists " + entry.file + " in its manifest but does not contain it; the jar is damaged");
                }
                DigestInputStream digesting = new DigestInputStream(in, sha256());
                try (OutputStream out = Files.newOutputStream(temp)) {
                    digesting.transferTo(out);
                }
                sha256 = hex(digesting.getMessageDigest().digest());
            }
            if (!sha256.equals(entry.sha256)) {
                throw new IOException(entry.file + " in the jar has SHA-256 " + sha256 + " but the manifest says "
                        + entry.sha256 + "; the jar is damaged or was modified");
            }
            moveIntoPlace(temp, target, entry);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target, NativeManifest.Entry entry) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException | java.nio.file.AccessDeniedException e) {
            // Windows refuses to replace a DLL another JVM has loaded; the file there is then a complete copy.
            if (!(Files.isRegularFile(target) && matches(target, entry))) {
                throw e;
            }
        }
    }

    private static boolean matches(Path file, NativeManifest.Entry entry) throws IOException {
        if (Files.size(file) != entry.size) {
            return false;
        }
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest.digest()).equals(entry.sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }

    private static String extension(String platform) {
        return platform.startsWith("windows") ? ".dll" : platform.startsWith("macos") ? ".dylib" : ".so";
    }

    private static SQLException failure(String message, Throwable cause) {
        return SqlState.CONNECTION_FAILURE.newException(message, 0, cause);
    }
}
