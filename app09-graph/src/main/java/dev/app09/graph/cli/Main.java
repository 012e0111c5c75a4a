package dev.app09.graph.cli;

import java.time.Clock;

/** The {@code app09} command's entry point: {@code java -jar app09.jar scan ...}. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command and exits with its status (0 pass, 1 failing workloads, 2 bad usage or
     * input, 3 incomplete scan, 4 an internal error or a report that could not be written).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(App09Command.run(args, new Console(System.out, System.err, System.getenv(),
                System.console() != null), Clock.systemUTC()));
    }
}
