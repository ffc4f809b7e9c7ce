package io.adlift.pipeline.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SHA-256 of a run's input files' contents, in source order: part of the job's identity, so the
 * same data on the same date is the same job instance, and changed data is a new one.
 */
final class InputFingerprint {

    private InputFingerprint() {
    }

    static String of(Map<String, Path> inputs) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            digest.update((input.getKey() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(Files.newInputStream(input.getValue()), digest)) {
                while (in.read(buffer) != -1) {
                    // the digest stream hashes what passes through
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
