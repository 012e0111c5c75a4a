package dev.app09.graph.cli;

import com.azure.core.http.HttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.app09.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One run of the {@code app09} command in-process, the way {@code Main} runs it but over a
 * non-terminal console of byte buffers and a clock fixed at the samples' instant. Public because
 * the JSON report's shape test in {@code dev.app09.graph.json} runs the command too.
 *
 * @param status the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CommandRun(int status, String out, String err) {

    /** The clock {@code --as-of} defaults to: the instant every sample is defined at. */
    public static final Clock CLOCK = Clock.fixed(TestClock.DEFAULT_INSTANT, ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param args the command line, e.g. {@code scan --export DIR}
     * @return the run, with an empty environment
     */
    public static CommandRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    /**
     * @param args the command line
     * @return the run, with an empty environment
     */
    public static CommandRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }

    /**
     * @param environment the environment variables the command sees
     * @param args the command line
     * @return the run
     */
    public static CommandRun withEnvironment(Map<String, String> environment, String... args) {
        return run(environment, null, args);
    }

    /**
     * @param environment the environment variables the command sees
     * @param identityHttp the HTTP client azure-identity uses for {@code migrate verify}
     * @param args the command line
     * @return the run
     */
    public static CommandRun withIdentity(Map<String, String> environment, HttpClient identityHttp, String... args) {
        return run(environment, identityHttp, GraphPacing.defaults(), args);
    }

    /**
     * @param pacing how long to wait on Graph, in place of the defaults' seconds-long backoff
     * @param environment the environment variables the command sees
     * @param args the command line
     * @return the run
     */
    static CommandRun paced(GraphPacing pacing, Map<String, String> environment, List<String> args) {
        return run(environment, null, pacing, args.toArray(String[]::new));
    }

    private static CommandRun run(Map<String, String> environment, @Nullable HttpClient identityHttp, String... args) {
        return run(environment, identityHttp, GraphPacing.defaults(), args);
    }

    private static CommandRun run(Map<String, String> environment, @Nullable HttpClient identityHttp, GraphPacing pacing,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = App09Command.run(args, new Console(outStream, errStream, environment, false), CLOCK, identityHttp,
                    pacing);
        }
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** @return standard output parsed as JSON */
    public JsonNode json() {
        return parse(out);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
