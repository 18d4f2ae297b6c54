package io.github.sqlitevec.testing.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system account the PostgreSQL processes run under.
 *
 * <p>PostgreSQL refuses to run as root, and the build and CI run as root. Then the server runs as a
 * system account {@value #SYSTEM_USER} that this class creates on first use ({@code useradd --system}),
 * through {@code setpriv}; files it must write are handed over to it. As a normal user, the server runs
 * as that user and nothing is switched.
 */
final class ServerAccount {

    static final String SYSTEM_USER = "sqlitevec-pg";

    private final boolean switched;
    private final String uid;
    private final String gid;

    private ServerAccount(boolean switched, String uid, String gid) {
        this.switched = switched;
        this.uid = uid;
        this.gid = gid;
    }

    /** The current user, or the system account (created if missing) when the current user is root. */
    static ServerAccount forCurrentUser(Path scratch) {
        if (!isRoot()) {
            return new ServerAccount(false, null, null);
        }
        if (!exists(scratch)) {
            try {
                Commands.run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                                "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", SYSTEM_USER),
                        scratch, scratch.resolve("useradd.out"), 60);
            } catch (IllegalStateException e) {
                // Another JVM may have created it at the same moment; only a still-missing account is an error.
                if (!exists(scratch)) {
                    throw new IllegalStateException("PostgreSQL refuses to run as root, and the system account '"
                            + SYSTEM_USER + "' to run it as could not be created: " + e.getMessage()
                            + "\nCreate it yourself (useradd --system " + SYSTEM_USER + ") or run the build"
                            + " as a normal user.", e);
                }
            }
        }
        return new ServerAccount(true, idOutput(scratch, "-u"), idOutput(scratch, "-g"));
    }

    /** True when the server runs as {@link #SYSTEM_USER} rather than as the current user. */
    boolean switched() {
        return switched;
    }

    /** {@code command} as this account runs it. */
    List<String> command(List<String> command) {
        if (!switched) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups", "--"));
        full.addAll(command);
        return full;
    }

    /** Creates {@code dir} (mode 700), owned by this account. */
    void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectory(dir);
        if (switched) {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(lookup.lookupPrincipalByName(SYSTEM_USER));
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(SYSTEM_USER);
            view.setGroup(group);
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    static boolean isRoot() {
        try {
            // /proc/self belongs to the effective user of this process.
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean exists(Path scratch) {
        try {
            Commands.run(List.of("id", "-u", SYSTEM_USER), scratch, scratch.resolve("id.out"), 30);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String idOutput(Path scratch, String option) {
        Path out = scratch.resolve("id" + option + ".out");
        Commands.run(List.of("id", option, SYSTEM_USER), scratch, out, 30);
        try {
            return Files.readString(out).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the output of id " + option + " " + SYSTEM_USER, e);
        }
    }
}
