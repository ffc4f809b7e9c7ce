package io.adlift.pipeline.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code adlift serve --port N}: the web server starts before any command runs, so the option is handed
 * to Spring as {@code --server.port=N}, which wins over the configuration files.
 */
public final class ServePort {

    private ServePort() {
    }

    public static String[] withServerPort(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                all.add("--server.port=" + args[i + 1]);
            } else if (args[i].startsWith("--port=")) {
                all.add("--server.port=" + args[i].substring("--port=".length()));
            }
        }
        return all.toArray(String[]::new);
    }
}
