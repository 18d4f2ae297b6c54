package io.github.sqlitevec.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * One throwaway PostgreSQL cluster: {@code initdb} into a folder of its own, {@code pg_ctl start} on a free
 * loopback port with a private socket folder, {@code pg_ctl stop -m immediate} and removal at the end.
 *
 * <p>Each JVM gets its own folder and port, so builds running side by side never share a cluster. A
 * watchdog process ({@code sh}) holds a pipe from this JVM; when the JVM dies in any way, even
 * {@code kill -9}, the pipe closes and the watchdog stops the postmaster and removes the folder, so no
 * orphan {@code postgres} outlives its test JVM.
 */
final class PostgresCluster {

    private static final int START_ATTEMPTS = 5;
    /** {@code -Dsqlitevec.postgres.keep=true} keeps the stopped cluster's folder (data and log) for a post-mortem. */
    private static final boolean KEEP = Boolean.getBoolean("sqlitevec.postgres.keep");

    private final PostgresInstallation installation;
    private final ServerAccount account;
    private final Path runDir;
    private final Path dataDir;
    private final Path logFile;
    private final Process watchdog;
    private final int port;

    private PostgresCluster(PostgresInstallation installation, ServerAccount account, Path runDir,
                            Process watchdog, int port) {
        this.installation = installation;
        this.account = account;
        this.runDir = runDir;
        this.dataDir = runDir.resolve("data");
        this.logFile = runDir.resolve("log/postgres.log");
        this.watchdog = watchdog;
        this.port = port;
    }

    /** Initialises and starts a new cluster; throws with the reason and the server log's tail when it cannot. */
    static PostgresCluster start(PostgresInstallation installation) {
        Path runDir = installation.cacheRoot().resolve("run-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()));
        Process watchdog = null;
        try {
            Files.createDirectory(runDir);
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            watchdog = startWatchdog(runDir);
            ServerAccount account = ServerAccount.forCurrentUser(runDir);
            Path data = runDir.resolve("data");
            Path socket = runDir.resolve("socket");
            account.createPrivateDirectory(data);
            account.createPrivateDirectory(socket);
            account.createPrivateDirectory(runDir.resolve("log"));
            Path bin = installation.bin();
            Commands.run(account.command(List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                            "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
                            "--no-instructions")),
                    runDir, runDir.resolve("initdb.out"), 180);
            IllegalStateException lastFailure = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int port = freeLoopbackPort();
                try {
                    Commands.run(account.command(List.of(bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "120",
                                    "-D", data.toString(), "-l", runDir.resolve("log/postgres.log").toString(),
                                    "-o", serverOptions(port, socket))),
                            runDir, runDir.resolve("pg_ctl-start.out"), 180);
                    return new PostgresCluster(installation, account, runDir, watchdog, port);
                } catch (IllegalStateException e) {
                    String log = Commands.tail(runDir.resolve("log/postgres.log"), 30);
                    lastFailure = new IllegalStateException(e.getMessage() + "\nserver log:\n" + log, e);
                    // Another process may have taken the port between our probe and the server's bind.
                    if (!log.contains("could not bind") && !log.contains("already in use")) {
                        break;
                    }
                }
            }
            throw lastFailure;
        } catch (IOException | RuntimeException e) {
            if (watchdog != null) {
                release(watchdog);
            }
            throw new IllegalStateException("the PostgreSQL test server did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    /** Stops the server at once (it holds only throwaway data) and removes the cluster's folder. */
    void stop() {
        try {
            Commands.run(account.command(List.of(installation.bin().resolve("pg_ctl").toString(), "stop",
                            "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "60")),
                    runDir, runDir.resolve("pg_ctl-stop.out"), 90);
            if (!KEEP) {
                PostgresInstallation.deleteTree(runDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL stopped, but " + runDir + " could not be removed", e);
        } finally {
            release(watchdog);
        }
    }

    /** The last lines of the server log, for error messages. */
    String logTail(int lines) {
        return Commands.tail(logFile, lines);
    }

    private static String serverOptions(int port, Path socket) {
        // Throwaway data: durability off makes DDL-heavy test suites several times faster.
        return "-p " + port + " -h 127.0.0.1 -k '" + socket + "'"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Closes the watchdog's input: it then stops whatever server is left and removes the folder. */
    private static void release(Process watchdog) {
        try {
            watchdog.getOutputStream().close();
        } catch (IOException e) {
            // Already closed: the watchdog is on its way out.
        }
    }

    private static Process startWatchdog(Path runDir) throws IOException {
        String script = String.join("\n",
                "trap '' INT TERM HUP",
                // Returns only at end of input: when the JVM holding the other end is gone.
                "while read -r _; do :; done",
                "pid=$(head -n 1 \"$1/data/postmaster.pid\" 2>/dev/null)",
                "if [ -n \"$pid\" ] && kill -QUIT \"$pid\" 2>/dev/null; then",
                "  n=0; while kill -0 \"$pid\" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done",
                "fi",
                "[ \"$2\" = keep ] || rm -rf \"$1\"");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script, "sqlitevec-postgres-watchdog", runDir.toString(), KEEP ? "keep" : "remove")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }
}
