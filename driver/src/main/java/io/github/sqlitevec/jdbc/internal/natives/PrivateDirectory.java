package io.github.sqlitevec.jdbc.internal.natives;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a native library may be extracted and loaded from: a directory that only this user can
 * change. A library found in a directory another local user can write could be swapped between
 * the checksum and the load, so every directory the driver uses is checked (owner is this user,
 * mode 0700, not a symbolic link) and created that way, and a library file must be this user's,
 * not a link, and writable by nobody else. On file systems without POSIX attributes (Windows)
 * the per-user profile directory already gives that guarantee. Stateless and thread-safe.
 */
final class PrivateDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private PrivateDirectory() {}

    /**
     * Creates {@code dir} and any missing directories below {@code top} with mode 0700, then checks
     * each of them from {@code top} down: owned by this user, a real directory, mode 0700.
     */
    static void prepare(Path top, Path dir) throws IOException {
        if (!dir.startsWith(top)) {
            throw new IllegalArgumentException(dir + " is not inside " + top);
        }
        if (top.getParent() != null) {
            Files.createDirectories(top.getParent());
        }
        Path level = top;
        check(create(level));
        for (Path name : top.relativize(dir)) {
            level = level.resolve(name);
            check(create(level));
        }
    }

    private static Path create(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another JVM created it first; check() decides whether it is ours
            }
        }
        return dir;
    }

    private static void check(Path dir) throws IOException {
        PosixFileAttributes attributes = posix(dir);
        if (attributes == null) {
            return;
        }
        if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
            throw new IOException(dir + " is not a plain directory (a symbolic link or a file); remove it, or set -D"
                    + NativeLibraryLoader.DIR_PROPERTY + " to a directory only you can write");
        }
        UserPrincipal me = currentUser(dir);
        if (!attributes.owner().equals(me)) {
            throw new IOException(dir + " belongs to " + attributes.owner().getName() + ", not to " + me.getName()
                    + ": another user could replace the sqlite-vec library there. Remove it, or set -D"
                    + NativeLibraryLoader.DIR_PROPERTY + " to a directory only you can write");
        }
        if (!attributes.permissions().equals(OWNER_ONLY)) {
            // ours, but others may look or write: close it; check() of the library file catches anything planted
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
    }

    /**
     * Whether {@code file} may be loaded as it is: a regular file of this user that nobody else can
     * write. Anything else is deleted by the caller and extracted again.
     */
    static boolean isTrustedFile(Path file) throws IOException {
        PosixFileAttributes attributes = posix(file);
        if (attributes == null) {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        }
        return attributes.isRegularFile() && !attributes.isSymbolicLink()
                && attributes.owner().equals(currentUser(file))
                && attributes.permissions().stream().noneMatch(WRITABLE_BY_OTHERS::contains);
    }

    private static PosixFileAttributes posix(Path path) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException notPosix) {
            return null;
        }
    }

    private static UserPrincipal currentUser(Path onFileSystem) throws IOException {
        return onFileSystem.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
