package io.adlift.pipeline.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code adlift serve --port N --address A}: the web server starts before any command runs, so the options
 * are handed to Spring as {@code --server.port=N} and {@code --server.address=A}, which win over the
 * configuration files.
 */
public final class ServePort {

    private ServePort() {
    }

    public static String[] withServerPort(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (int i = 0; i < args.length; i++) {
            for (String option : List.of("port", "address")) {
                if (args[i].equals("--" + option) && i + 1 < args.length) {
                    all.add("--server." + option + "=" + args[i + 1]);
                } else if (args[i].startsWith("--" + option + "=")) {
                    all.add("--server." + option + "=" + args[i].substring(option.length() + 3));
                }
            }
        }
        return all.toArray(String[]::new);
    }
}
