package io.github.sqlitevec.jdbc.internal.natives;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The platform id of the running JVM as the native manifest names it, e.g. {@code linux-x86_64},
 * {@code linux-musl-aarch64}, {@code macos-aarch64}, {@code windows-x86_64}.
 */
final class Platform {
    private Platform() {}

    static String current() {
        return id(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), isMusl());
    }

    static String id(String osName, String osArch, boolean musl) {
        String os = os(osName);
        String arch = arch(osArch);
        return "linux".equals(os) && musl ? "linux-musl-" + arch : os + "-" + arch;
    }

    static String os(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return "linux";
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "macos";
        }
        if (n.startsWith("windows")) {
            return "windows";
        }
        if (n.startsWith("freebsd")) {
            return "freebsd";
        }
        return n.replaceAll("[^a-z0-9]", "");
    }

    static String arch(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT);
        switch (a) {
            case "amd64":
            case "x86_64":
            case "x64":
                return "x86_64";
            case "aarch64":
            case "arm64":
                return "aarch64";
            case "x86":
            case "i386":
            case "i486":
            case "i586":
            case "i686":
                return "x86";
            case "arm":
            case "armv7":
            case "armv7l":
            case "armhf":
                return "armv7";
            case "ppc64le":
                return "ppc64le";
            case "riscv64":
                return "riscv64";
            default:
                return a.replaceAll("[^a-z0-9_]", "");
        }
    }

    /** musl and glibc binaries do not load into each other's processes, so Alpine needs its own build. */
    private static boolean isMusl() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/maps"))) {
                if (line.contains("/ld-musl-") || line.contains("/libc.musl-")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return muslLoaderInstalled();
        }
    }

    private static boolean muslLoaderInstalled() {
        try (DirectoryStream<Path> lib = Files.newDirectoryStream(Paths.get("/lib"), "ld-musl-*")) {
            return lib.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
