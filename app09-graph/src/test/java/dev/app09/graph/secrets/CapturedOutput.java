package dev.app09.graph.secrets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything a run writes besides its own console, while open: every java.util.logging record at
 * every level (SLF4J's events too, routed there by the test-scoped slf4j-jdk14 binding), each with its
 * exception's whole stack trace, and whatever anything prints to {@code System.out} or {@code
 * System.err}. Closing it puts the JVM back as it was. Tests run one at a time in this module, so
 * the process-wide streams and loggers are the run's alone. Left out: the records of the JDK's
 * HTTP client and server, which only the tests' {@link LeakyGraph} uses (app09 reaches Graph with
 * OkHttp and Entra with Netty), and which would otherwise be most of what is captured.
 */
final class CapturedOutput implements AutoCloseable {

    private static final List<String> TEST_MACHINERY = List.of("jdk.internal.httpclient", "com.sun.net.httpserver");

    private final Logger root = LogManager.getLogManager().getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler[] rootHandlers = root.getHandlers();
    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> records = new ArrayList<>();
    private final Handler recorder = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String logger = String.valueOf(record.getLoggerName());
            if (TEST_MACHINERY.stream().anyMatch(logger::startsWith)) {
                return;
            }
            StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ')
                    .append(record.getLoggerName()).append(": ").append(formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(System.lineSeparator()).append(trace);
            }
            synchronized (records) {
                records.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedOutput() {
        for (Handler handler : rootHandlers) {
            root.removeHandler(handler);
        }
        recorder.setLevel(Level.ALL);
        root.addHandler(recorder);
        root.setLevel(Level.ALL);
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    /** @return a capture, open until closed */
    static CapturedOutput open() {
        return new CapturedOutput();
    }

    /** @return how many log records were captured */
    int records() {
        synchronized (records) {
            return records.size();
        }
    }

    /** @return the log records, one after another, then what was printed */
    String text() {
        StringBuilder all = new StringBuilder();
        synchronized (records) {
            records.forEach(r -> all.append(r).append(System.lineSeparator()));
        }
        synchronized (printed) {
            all.append(printed.toString(StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(stdout);
        System.setErr(stderr);
        root.removeHandler(recorder);
        root.setLevel(rootLevel);
        for (Handler handler : rootHandlers) {
            root.addHandler(handler);
        }
    }
}
