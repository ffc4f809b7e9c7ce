package io.adlift.pipeline.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SHA-256 of a run's input files' contents, in source order ({@link #run}): part of the job's
 * identity, so the same data on the same date is the same job instance, and changed data is a new one.
 * Each file's own SHA-256 ({@link #files}, what {@code sha256sum} prints) is kept beside it, so that a
 * restart can tell which file changed. One read of each file gives both.
 */
record InputFingerprint(String run, Map<String, String> files) {

    static InputFingerprint of(Map<String, Path> inputs) throws IOException {
        MessageDigest all = sha256();
        Map<String, String> files = new LinkedHashMap<>();
        byte[] buffer = new byte[1 << 16];
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            all.update((input.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
            MessageDigest file = sha256();
            try (InputStream in = Files.newInputStream(input.getValue())) {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    all.update(buffer, 0, n);
                    file.update(buffer, 0, n);
                }
            }
            files.put(input.getKey(), HexFormat.of().formatHex(file.digest()));
        }
        return new InputFingerprint(HexFormat.of().formatHex(all.digest()), files);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
