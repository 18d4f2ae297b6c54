package io.github.sqlitevec.jdbc.internal.natives;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The natives packaged in this jar, read from {@code manifest.tsv} (written by zig-cross): one
 * line per platform with the file, its SHA-256 and size. Immutable.
 */
final class NativeManifest {

    static final class Entry {
        final String platform;
        final String file;
        final String sha256;
        final long size;

        Entry(String platform, String file, String sha256, long size) {
            this.platform = platform;
            this.file = file;
            this.sha256 = sha256;
            this.size = size;
        }

        String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }
    }

    final String resourceDir;
    final Map<String, Entry> entries;

    private NativeManifest(String resourceDir, Map<String, Entry> entries) {
        this.resourceDir = resourceDir;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** Reads {@code <resourceDir>/manifest.tsv} from the class path; missing means "no natives packaged". */
    static NativeManifest load(String resourceDir) {
        Map<String, Entry> entries = new TreeMap<>();
        try (InputStream in = NativeManifest.class.getResourceAsStream("/" + resourceDir + "/manifest.tsv")) {
            if (in != null) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    entries.put(f[0], new Entry(f[0], f[1], f[2], Long.parseLong(f[3])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the native manifest " + resourceDir + "/manifest.tsv", e);
        }
        return new NativeManifest(resourceDir, entries);
    }

    InputStream open(Entry entry) {
        return NativeManifest.class.getResourceAsStream("/" + resourceDir + "/" + entry.file);
    }
}
