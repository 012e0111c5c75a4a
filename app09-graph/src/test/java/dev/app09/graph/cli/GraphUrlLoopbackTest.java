package dev.app09.graph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.app09.graph.GraphConnection;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --graph-url} is read anonymously, for a local fake: any address but this machine's is
 * refused before a request, however it is dressed up as loopback (a name that starts like one, a
 * user name before the real host, a number that some parsers read as 127.0.0.1, an IPv4 address
 * inside IPv6), and so is Microsoft Graph itself, which is never reached anonymously. Names other
 * than {@code localhost} are never looked up: DNS may answer anything.
 */
final class GraphUrlLoopbackTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://example.com",
        "http://127.0.0.1.nip.io",
        "http://localhost.evil.com",
        "http://localhost./",
        "http://[::ffff:8.8.8.8]",
        "http://0x7f000001",
        "http://2130706433",
        "http://0177.0.0.1",
        "http://127.1",
        "http://0.0.0.0",
        "http://[::]",
        "http://localhost@evil.com",
        "http://127.0.0.1@evil.com",
        "http://127.0.0.1:80@evil.com",
        "http://127.0.0.1%2f@evil.com",
        "http://local_host:8080",
        "https://graph.microsoft.com",
        "https://graph.microsoft.us"
    })
    void an_address_that_is_not_this_machine_is_refused(String url) {
        assertThat(GraphConnection.isLoopback(URI.create(url))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> GraphConnection.local(URI.create(url)));

        CommandRun run = CommandRun.of("scan", "--graph-url", url);

        assertThat(run.status()).as("%s", run).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).startsWith("app09: --graph-url must be a loopback address");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://localhost:8080",
        "http://LOCALHOST",
        "https://localhost:8443",
        "http://127.0.0.1:1",
        "http://127.255.255.254",
        "http://[::1]:8080",
        "http://[0:0:0:0:0:0:0:1]",
        "http://[::ffff:127.0.0.1]",
        "http://someone@127.0.0.1"
    })
    void this_machine_is_accepted_however_it_is_written(String url) {
        assertThat(GraphConnection.isLoopback(URI.create(url))).isTrue();
        assertThat(GraphConnection.local(URI.create(url)).anonymous()).isTrue();
    }
}
