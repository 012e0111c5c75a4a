package dev.app09.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.app09.core.model.Application;
import dev.app09.core.model.FederatedIdentityCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Workload;
import dev.app09.graph.json.ScanStateFile;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.junit.FakeGraphExtension;
import dev.app09.testkit.server.Endpoint;
import dev.app09.testkit.server.Fault;
import dev.app09.testkit.server.RecordedRequest;
import dev.app09.testkit.tenant.GeneratedTenant;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --state}: a rescan reads only what changed and hands on what a full scan would. */
final class IncrementalScanTest {

    @RegisterExtension
    static final FakeGraphExtension graph = FakeGraphExtension.create();

    private static final Clock CLOCK = Clock.fixed(TestClock.DEFAULT_INSTANT, java.time.ZoneOffset.UTC);

    @TempDir
    Path dir;

    private GeneratedTenant tenant;
    private Path state;

    @BeforeEach
    void serve() {
        tenant = GeneratedTenant.of(2_500, 3_000, 11);
        graph.server().serve(tenant);
        state = dir.resolve("state");
    }

    private static GraphReader reader() {
        return GraphReader.builder().graphRoot(URI.create(graph.baseUrl()))
                .retryPolicy(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofMillis(1))).build();
    }

    private Scan scan() {
        return scan(IncrementalScan.of(reader(), state, CLOCK));
    }

    private static Scan scan(IncrementalScan incremental) {
        List<Workload> workloads = Collections.synchronizedList(new ArrayList<>());
        graph.server().journal().clear();
        StreamedTenant read = incremental.stream(evidence -> workloads::add);
        return new Scan(read, workloads, graph.server().journal().requests());
    }

    private record Scan(StreamedTenant read, List<Workload> workloads, List<RecordedRequest> requests) {
        long to(Endpoint endpoint) {
            return requests.stream().filter(r -> r.endpoint() == endpoint).count();
        }
    }

    private static List<Workload> fullScan() {
        TenantSnapshot snapshot = reader().read();
        return Workload.joinAll(snapshot);
    }

    private static Application withSecret(Application a) {
        List<PasswordCredential> passwords = new ArrayList<>(a.passwordCredentials());
        Instant start = TestClock.DEFAULT_INSTANT.minus(Duration.ofDays(1));
        passwords.add(new PasswordCredential(UUID.randomUUID(), "new", "xy1", null, start, start.plus(Duration.ofDays(90))));
        return new Application(a.id(), a.appId(), a.displayName(), a.createdDateTime(), a.signInAudience(), passwords,
                a.keyCredentials(), a.federatedIdentityCredentials());
    }

    @Test
    void the_first_scan_asks_for_delta_links_then_reads_whole_and_saves_an_owner_only_state() throws IOException {
        Scan first = scan();

        assertThat(first.read().complete()).isTrue();
        assertThat(first.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
        assertThat(first.to(Endpoint.APPLICATIONS_DELTA)).isEqualTo(1);
        assertThat(first.to(Endpoint.SERVICE_PRINCIPALS_DELTA)).isEqualTo(1);
        assertThat(first.to(Endpoint.APPLICATIONS)).isEqualTo(3);
        assertThat(first.to(Endpoint.SERVICE_PRINCIPALS)).isEqualTo(4);
        Path file = ScanStateFile.in(state);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(state)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void a_rescan_reads_only_the_changes_and_hands_on_what_a_full_scan_does() {
        scan();
        Application changed = tenant.application(10);
        Application deleted = tenant.application(20);
        ServicePrincipal deletedServicePrincipal = tenant.servicePrincipal(2_900);
        graph.server().changeApplication(changed.id(), IncrementalScanTest::withSecret);
        graph.server().deleteApplication(deleted.id());
        graph.server().deleteServicePrincipal(deletedServicePrincipal.id());
        Application created = new Application(UUID.randomUUID(), UUID.randomUUID(), "created", TestClock.DEFAULT_INSTANT,
                "AzureADMyOrg", List.of(), List.of(), List.of());
        graph.server().addApplication(created);

        Scan rescan = scan();

        assertThat(rescan.read().complete()).isTrue();
        assertThat(rescan.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
        assertThat(rescan.workloads()).filteredOn(w -> w.appId().equals(changed.appId())).singleElement()
                .satisfies(w -> assertThat(w.application().passwordCredentials())
                        .hasSize(changed.passwordCredentials().size() + 1));
        assertThat(rescan.workloads()).filteredOn(w -> w.appId().equals(deleted.appId())).singleElement()
                .as("the deleted application's service principal stays, alone")
                .satisfies(w -> assertThat(w.application()).isNull());
        assertThat(rescan.workloads()).anySatisfy(w -> assertThat(w.application()).isEqualTo(created));
        assertThat(rescan.to(Endpoint.APPLICATIONS_DELTA)).isEqualTo(1);
        assertThat(rescan.to(Endpoint.SERVICE_PRINCIPALS_DELTA)).isEqualTo(1);
        assertThat(rescan.requests()).filteredOn(r -> r.endpoint() == Endpoint.APPLICATIONS)
                .as("only the federated cross-check lists applications: ids with their credentials, no advanced query")
                .hasSize(3).allSatisfy(r -> {
                    assertThat(r.queryParameter("$select")).isEqualTo("id");
                    assertThat(r.queryParameter("$expand")).isEqualTo("federatedIdentityCredentials");
                    assertThat(r.queryParameter("$filter")).isNull();
                    assertThat(r.queryParameter("$count")).isNull();
                });
        assertThat(rescan.to(Endpoint.SERVICE_PRINCIPALS)).isZero();
        assertThat(rescan.requests()).hasSizeLessThan(10);

        Scan again = scan();
        assertThat(again.workloads()).containsExactlyInAnyOrderElementsOf(rescan.workloads());
    }

    @Test
    void objects_graph_sends_with_only_their_changed_properties_are_read_again_whole() {
        scan();
        graph.server().deltaSendsChangedPropertiesOnly(true);
        Application changed = tenant.application(10);
        ServicePrincipal changedServicePrincipal = tenant.servicePrincipal(11);
        graph.server().changeApplication(changed.id(), IncrementalScanTest::withSecret);
        graph.server().changeServicePrincipal(changedServicePrincipal.id(), sp -> new ServicePrincipal(sp.id(),
                sp.appId(), "renamed", sp.servicePrincipalType(), sp.appOwnerOrganizationId(),
                sp.preferredSingleSignOnMode(), sp.preferredTokenSigningKeyThumbprint(), sp.passwordCredentials(),
                sp.keyCredentials()));

        Scan rescan = scan();

        assertThat(rescan.read().problems()).isEmpty();
        assertThat(rescan.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
        assertThat(rescan.to(Endpoint.APPLICATION)).as("the changed application read again by id").isEqualTo(1);
        assertThat(rescan.to(Endpoint.SERVICE_PRINCIPAL)).isEqualTo(1);
        assertThat(rescan.to(Endpoint.SERVICE_PRINCIPALS)).isZero();
    }

    @Test
    void a_federated_credential_gone_from_graph_is_not_kept_from_the_saved_state() throws IOException {
        scan();
        // Tamper with the saved state: an application with live secrets gets a federated credential
        // Graph does not have (as a removal that delta did not report would leave it).
        Application secretsOnly = tenant.applications()
                .filter(a -> !a.passwordCredentials().isEmpty() && a.federatedIdentityCredentials().isEmpty()
                        && a.keyCredentials().isEmpty())
                .findFirst().orElseThrow();
        rewriteState(w -> w.application() != null && w.appId().equals(secretsOnly.appId())
                ? new Workload(w.appId(), new Application(w.application().id(), w.appId(), w.application().displayName(),
                        w.application().createdDateTime(), w.application().signInAudience(),
                        w.application().passwordCredentials(), w.application().keyCredentials(),
                        List.of(new FederatedIdentityCredential("f", "stale", "https://issuer", "subject",
                                List.of("api://AzureADTokenExchange")))), w.servicePrincipal())
                : w);

        Scan rescan = scan();

        assertThat(rescan.workloads()).filteredOn(w -> w.appId().equals(secretsOnly.appId())).singleElement()
                .satisfies(w -> assertThat(w.application().federatedIdentityCredentials()).isEmpty());
        assertThat(rescan.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
    }

    @Test
    void a_listed_applications_federated_credentials_are_exactly_graphs_not_the_saved_ones() {
        scan();
        Application federated = tenant.applications().filter(a -> !a.federatedIdentityCredentials().isEmpty())
                .findFirst().orElseThrow();
        FederatedIdentityCredential stale = new FederatedIdentityCredential("stale", "stale", "https://issuer",
                "subject", List.of("api://AzureADTokenExchange"));
        rewriteState(w -> w.application() != null && w.appId().equals(federated.appId())
                ? new Workload(w.appId(), w.application().withFederatedIdentityCredentials(List.of(stale)),
                        w.servicePrincipal())
                : w);

        Scan rescan = scan();

        assertThat(rescan.workloads()).filteredOn(w -> w.appId().equals(federated.appId())).singleElement()
                .satisfies(w -> assertThat(w.application().federatedIdentityCredentials())
                        .isEqualTo(federated.federatedIdentityCredentials()));
    }

    @Test
    void a_state_file_of_another_user_or_in_a_linked_folder_is_refused() throws IOException {
        scan();
        Path file = ScanStateFile.in(state);
        if (giveToNobody(file)) {
            assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class).hasMessageContaining("another user");
            Files.setOwner(file, Files.getOwner(state));
        }
        Path link = dir.resolve("linked");
        Files.createSymbolicLink(link, state);
        assertThatThrownBy(() -> scan(IncrementalScan.of(reader(), link, CLOCK))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("symbolic link");
    }

    /** Hands a file to the user nobody where this process may (as root); false where it may not. */
    private static boolean giveToNobody(Path file) {
        try {
            Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void rewriteState(java.util.function.UnaryOperator<Workload> change) {
        List<Workload> saved = new ArrayList<>();
        var header = new Object() {
            ScanStateFile.Header value;
        };
        ScanStateFile.read(state, h -> header.value = h, saved::add);
        try (ScanStateFile.Writer writer = ScanStateFile.write(state, header.value)) {
            saved.stream().map(change).forEach(writer::add);
            writer.commit();
        }
    }

    @Test
    void an_expired_delta_link_falls_back_to_a_full_scan_and_says_so() {
        scan();
        graph.server().changeApplication(tenant.application(3).id(), IncrementalScanTest::withSecret);
        graph.server().expireDeltaTokens();

        Scan rescan = scan();

        assertThat(rescan.read().complete()).isTrue();
        assertThat(rescan.read().problems()).anySatisfy(p -> {
            assertThat(p.source()).isEqualTo("state");
            assertThat(p.message()).contains("expired", "410", "full scan");
        });
        assertThat(rescan.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
        assertThat(rescan.requests()).as("the full listing (the cross-check ran beside the refused delta round)")
                .filteredOn(r -> r.endpoint() == Endpoint.APPLICATIONS && !"id".equals(r.queryParameter("$select")))
                .hasSize(3);

        Scan next = scan();
        assertThat(next.read().problems()).as("the fresh links were saved").isEmpty();
        assertThat(next.to(Endpoint.SERVICE_PRINCIPALS)).isZero();
    }

    @Test
    void an_incomplete_scan_keeps_the_previous_state() throws IOException {
        scan();
        byte[] saved = Files.readAllBytes(ScanStateFile.in(state));
        graph.server().inject(Fault.status(500).on(Endpoint.SERVICE_PRINCIPALS));

        Scan broken = scan(IncrementalScan.of(reader(), state, CLOCK).fresh());

        assertThat(broken.read().complete()).isFalse();
        assertThat(broken.read().problems()).anySatisfy(p -> assertThat(p.message()).contains("not saved"));
        assertThat(Files.readAllBytes(ScanStateFile.in(state))).isEqualTo(saved);
    }

    @Test
    void a_state_cut_short_is_refused_naming_the_file_and_fresh_starts_over() throws IOException {
        scan();
        Path file = ScanStateFile.in(state);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("corrupt or cut short");

        Scan fresh = scan(IncrementalScan.of(reader(), state, CLOCK).fresh());
        assertThat(fresh.read().complete()).isTrue();
        assertThat(fresh.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
        assertThat(ScanStateFile.check(state)).isNotNull();
    }

    @Test
    void a_state_whose_links_leave_its_graph_root_is_refused_before_any_request() throws IOException {
        writeRawState(header(graph.baseUrl(), "https://attacker.example/v1.0/applications/delta?$deltatoken=x",
                graph.baseUrl() + "/v1.0/servicePrincipals/delta?$deltatoken=x") + "\"workloads\": [], \"workloadCount\": 0}");

        assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class)
                .hasMessageContaining("leaves the state's Graph root");
        assertThat(graph.server().journal().requests()).isEmpty();
    }

    @Test
    void swapped_links_are_refused() throws IOException {
        writeRawState(header(graph.baseUrl(), graph.baseUrl() + "/v1.0/servicePrincipals/delta?$deltatoken=x",
                graph.baseUrl() + "/v1.0/applications/delta?$deltatoken=x") + "\"workloads\": [], \"workloadCount\": 0}");

        assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class).hasMessageContaining("its own collection");
    }

    @Test
    void a_state_of_another_version_is_refused_before_any_request() throws IOException {
        String links = header(graph.baseUrl(), graph.baseUrl() + "/v1.0/applications/delta?$deltatoken=x",
                graph.baseUrl() + "/v1.0/servicePrincipals/delta?$deltatoken=x");
        for (String[] bad : new String[][] {
            {links.replace("\"version\": 1", "\"version\": 2") + "\"workloads\": [], \"workloadCount\": 0}",
                "version 1, and this file is version 2"},
            {links.replace("\"version\": 1", "\"version\": 4294967297") + "\"workloads\": [], \"workloadCount\": 0}",
                "this file is version 4294967297"}}) {
            writeRawState(bad[0]);
            graph.server().journal().clear();

            assertThatThrownBy(this::scan).as(bad[1]).isInstanceOf(BadInputException.class).hasMessageContaining(bad[1]);
            assertThat(graph.server().journal().requests()).isEmpty();
        }
    }

    @Test
    void a_state_with_a_wrong_count_an_unknown_property_or_a_bad_workload_hands_on_nothing() throws IOException {
        scan();
        List<Workload> saved = new ArrayList<>();
        ScanStateFile.Header real = ScanStateFile.check(state);
        ScanStateFile.read(state, h -> { }, saved::add);
        // The saved header, links and all, so that Graph answers the delta rounds and the replay would run.
        String links = "{\"format\": \"app09-scan-state\", \"version\": 1, \"graphRoot\": \"" + real.graphRoot()
                + "\", \"tenantId\": null, \"savedAt\": \"" + real.savedAt() + "\", \"applicationSelect\": \""
                + real.applicationSelect() + "\", \"servicePrincipalSelect\": \"" + real.servicePrincipalSelect()
                + "\", \"applicationsDeltaLink\": \"" + real.applicationsDeltaLink()
                + "\", \"servicePrincipalsDeltaLink\": \"" + real.servicePrincipalsDeltaLink() + "\", ";
        String oneWorkload = "{\"application\": {\"id\": \"" + saved.get(0).application().id() + "\", \"appId\": \""
                + saved.get(0).appId() + "\", \"displayName\": \"x\"}}";
        writeRawState(links + "\"workloads\": [" + oneWorkload + "], \"workloadCount\": 1}");
        List<Workload> sound = new ArrayList<>();
        IncrementalScan.of(reader(), state, CLOCK).stream(evidence -> sound::add);
        assertThat(sound).as("the sound file replays, so the cases below would hand this workload on").isNotEmpty();
        for (String[] bad : new String[][] {
            {links + "\"workloads\": [" + oneWorkload + "], \"workloadCount\": 3}", "says it holds 3 workloads, but holds 1"},
            {links + "\"workloads\": [" + oneWorkload + "], \"workloadCount\": 1, \"extra\": 1}",
                "unexpected property \"extra\""},
            {links + "\"workloads\": [" + oneWorkload + ", {}], \"workloadCount\": 2}",
                "a workload needs an application or a service principal"}}) {
            writeRawState(bad[0]);
            List<Workload> handedOn = Collections.synchronizedList(new ArrayList<>());

            assertThatThrownBy(() -> IncrementalScan.of(reader(), state, CLOCK).stream(evidence -> handedOn::add))
                    .as(bad[1]).isInstanceOf(BadInputException.class).hasMessageContaining(bad[1]);
            assertThat(handedOn).as(bad[1]).isEmpty();
        }
    }

    @Test
    void a_state_others_could_have_written_is_refused() throws IOException {
        scan();
        Files.setPosixFilePermissions(ScanStateFile.in(state), PosixFilePermissions.fromString("rw-rw-r--"));

        assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class).hasMessageContaining("owner-only");

        Files.setPosixFilePermissions(ScanStateFile.in(state), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class).hasMessageContaining("owner-only");
    }

    @Test
    void a_folder_that_cannot_take_a_state_costs_a_warning_not_the_scan() throws IOException {
        Files.createDirectories(state);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));

        Scan first = scan();

        assertThat(first.read().complete()).isTrue();
        assertThat(first.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
        assertThat(first.read().problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("state");
            assertThat(p.message()).contains("not saved", "owner-only");
        });
        assertThat(ScanStateFile.in(state)).doesNotExist();
    }

    @Test
    void the_state_folder_is_created_owner_only() throws IOException {
        scan();

        assertThat(Files.getPosixFilePermissions(state)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    private static String header(String root, String applicationsLink, String servicePrincipalsLink) {
        return "{\"format\": \"app09-scan-state\", \"version\": 1, \"graphRoot\": \"" + root + "\", \"tenantId\": null, "
                + "\"savedAt\": \"2026-06-01T00:00:00Z\", \"applicationSelect\": \"a\", \"servicePrincipalSelect\": \"b\", "
                + "\"applicationsDeltaLink\": \"" + applicationsLink + "\", "
                + "\"servicePrincipalsDeltaLink\": \"" + servicePrincipalsLink + "\", ";
    }

    private void writeRawState(String json) throws IOException {
        Files.createDirectories(state, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = ScanStateFile.in(state);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_state_saved_for_another_graph_or_tenant_is_refused() throws IOException {
        writeRawState(header("http://127.0.0.1:1", "http://127.0.0.1:1/v1.0/applications/delta?$deltatoken=x",
                "http://127.0.0.1:1/v1.0/servicePrincipals/delta?$deltatoken=x") + "\"workloads\": [], \"workloadCount\": 0}");
        assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class)
                .hasMessageContaining("saved for http://127.0.0.1:1");

        writeRawState(header(graph.baseUrl(), graph.baseUrl() + "/v1.0/applications/delta?$deltatoken=x",
                graph.baseUrl() + "/v1.0/servicePrincipals/delta?$deltatoken=x")
                .replace("\"tenantId\": null", "\"tenantId\": \"" + UUID.randomUUID() + "\"")
                + "\"workloads\": [], \"workloadCount\": 0}");
        assertThatThrownBy(this::scan).isInstanceOf(BadInputException.class).hasMessageContaining("tenant");
    }

    @Test
    void service_principal_changes_additions_soft_deletes_and_many_changes_across_pages_replay_as_a_full_scan() {
        ServicePrincipal orphaned = tenant.servicePrincipal(5);
        graph.server().deleteServicePrincipal(orphaned.id());
        scan();
        ServicePrincipal withSecret = tenant.servicePrincipal(7);
        graph.server().changeServicePrincipal(withSecret.id(), sp -> new ServicePrincipal(sp.id(), sp.appId(),
                sp.displayName(), sp.servicePrincipalType(), sp.appOwnerOrganizationId(), sp.preferredSingleSignOnMode(),
                sp.preferredTokenSigningKeyThumbprint(), List.of(new PasswordCredential(UUID.randomUUID(), "sp secret",
                        "ab1", null, TestClock.DEFAULT_INSTANT.minus(Duration.ofDays(1)),
                        TestClock.DEFAULT_INSTANT.plus(Duration.ofDays(60)))), sp.keyCredentials()));
        graph.server().addServicePrincipal(new ServicePrincipal(UUID.randomUUID(), orphaned.appId(), "recreated",
                "Application", null, null, null, List.of(), List.of()));
        graph.server().softDeleteApplication(tenant.application(8).id());
        for (int i = 1_000; i < 2_200; i++) {
            graph.server().changeApplication(tenant.application(i).id(), IncrementalScanTest::withSecret);
        }

        Scan rescan = scan();

        assertThat(rescan.read().problems()).isEmpty();
        assertThat(rescan.to(Endpoint.APPLICATIONS_DELTA)).as("1,200 changes come in two pages").isEqualTo(2);
        assertThat(rescan.workloads()).containsExactlyInAnyOrderElementsOf(fullScan());
        assertThat(rescan.workloads()).filteredOn(w -> w.appId().equals(orphaned.appId())).singleElement()
                .satisfies(w -> assertThat(w.servicePrincipal().displayName()).isEqualTo("recreated"));
        assertThat(rescan.workloads()).filteredOn(w -> w.appId().equals(withSecret.appId())).singleElement()
                .satisfies(w -> assertThat(w.servicePrincipal().passwordCredentials()).hasSize(1));
    }

    @Test
    void every_property_survives_the_state_file() {
        TenantSnapshot contoso = dev.app09.testkit.tenant.SampleTenants.contoso().tenant();
        List<Workload> workloads = Workload.joinAll(contoso);
        ScanStateFile.Header header = new ScanStateFile.Header(URI.create("http://127.0.0.1:1"), UUID.randomUUID(),
                Instant.EPOCH, "a", "b", "http://127.0.0.1:1/v1.0/applications/delta?$deltatoken=x",
                "http://127.0.0.1:1/v1.0/servicePrincipals/delta?$deltatoken=x");
        try (ScanStateFile.Writer writer = ScanStateFile.write(state, header)) {
            workloads.forEach(writer::add);
            writer.commit();
        }

        List<Workload> read = new ArrayList<>();
        var readHeader = new Object() {
            ScanStateFile.Header value;
        };
        ScanStateFile.read(state, h -> readHeader.value = h, read::add);

        assertThat(readHeader.value).isEqualTo(header);
        assertThat(read).isEqualTo(workloads);
        assertThat(workloads).anySatisfy(w -> assertThat(w.servicePrincipal() != null
                && w.servicePrincipal().preferredSingleSignOnMode() != null).isTrue());
    }
}
