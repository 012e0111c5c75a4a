package dev.app09.certs.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import dev.app09.certs.CertificateAndKey;
import dev.app09.certs.CertificateFiles;
import dev.app09.certs.CertificateRequest;
import dev.app09.certs.SelfSignedCertificates;
import dev.app09.certs.inspect.CertificateInspector;
import dev.app09.certs.inspect.UploadCheck;
import dev.app09.certs.inspect.UploadVerdict;
import dev.app09.certs.renewal.CertificateRenewal;
import dev.app09.certs.renewal.RenewalPlanner;
import dev.app09.certs.renewal.RenewalStatus;
import dev.app09.core.model.TenantSnapshot;
import dev.app09.core.rules.Policy;
import dev.app09.testkit.TestClock;
import dev.app09.testkit.tenant.SampleTenants;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's certificate examples compile and run here; app09-graph's ReadmeExamplesTest checks the README shows them unchanged. */
final class CertsReadmeExamplesTest {

    // README-CERTS-LIBRARY-START
    static CertificateFiles newClientCertificate(Path dir, char[] pfxPassword, Clock clock) throws IOException {
        CertificateAndKey created = SelfSignedCertificates.create(
                CertificateRequest.of("CN=MyApp-Auth-Cert"), clock);       // RSA 2048, SHA-256, 12 months
        CertificateFiles files = CertificateFiles.write(dir, "MyApp-Auth-Cert", created, pfxPassword, false);
        UploadVerdict verdict = UploadCheck.check(CertificateInspector.inspect(files.cer()), clock.instant(),
                UploadCheck.DEFAULT_MAX_VALIDITY);                         // what Entra would say of the .cer
        if (!verdict.acceptable()) {
            throw new IllegalStateException(verdict.refusals().toString());
        }
        return files;                                                      // .cer to upload, .pfx to load
    }
    // README-CERTS-LIBRARY-END

    // README-CERTS-LOAD-START
    static TokenCredential credential(String tenantId, String clientId, String pfxPath, String pfxPassword) {
        return new ClientCertificateCredentialBuilder()
                .tenantId(tenantId)
                .clientId(clientId)
                .pfxCertificate(pfxPath)                   // the .pfx that app09 cert create wrote
                .clientCertificatePassword(pfxPassword)    // from your secret store, never from source code
                .build();
    }
    // README-CERTS-LOAD-END

    // README-CERTS-RENEWAL-START
    static List<CertificateRenewal> renewNow(TenantSnapshot tenant, Instant asOf) {
        return RenewalPlanner.plan(tenant, Policy.defaults(), asOf)
                .due();                                    // no successor, and end - 30 days has come
    }
    // README-CERTS-RENEWAL-END

    @Test
    void the_library_example_writes_an_uploadable_cer_and_a_pfx(@TempDir Path dir) throws IOException {
        CertificateFiles files = newClientCertificate(dir, "example-password".toCharArray(), TestClock.create());

        assertThat(files.cer()).exists();
        assertThat(files.pfx()).exists();
    }

    @Test
    void the_load_example_builds_a_certificate_credential() {
        // AzureIdentityLoadsCertificatesTest drives the same builder calls to a token over a fake transport.
        assertThat(credential("tenant", "client", "MyApp-Auth-Cert.pfx", "password"))
                .isInstanceOf(ClientCertificateCredential.class);
    }

    @Test
    void the_renewal_example_lists_a_certificate_a_day_before_it_ends_and_not_a_year_before() {
        TenantSnapshot contoso = SampleTenants.contoso().tenant();
        CertificateRenewal first = RenewalPlanner.plan(contoso, Policy.defaults(), TestClock.DEFAULT_INSTANT)
                .withoutSuccessor().get(0);

        assertThat(renewNow(contoso, first.end().minus(Duration.ofDays(1)))).contains(
                new CertificateRenewal(first.appId(), first.displayName(), first.location(), first.keyId(),
                        first.certificateDisplayName(), first.end(), first.renewBy(), null, RenewalStatus.DUE));
        assertThat(renewNow(contoso, first.end().minus(Duration.ofDays(365))))
                .extracting(CertificateRenewal::keyId).doesNotContain(first.keyId());
    }
}
