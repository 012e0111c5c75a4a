package dev.app09.core.rules;

import static dev.app09.core.Fixtures.AS_OF;
import static dev.app09.core.Fixtures.activeCertificate;
import static dev.app09.core.Fixtures.app;
import static dev.app09.core.Fixtures.daysAgo;
import static dev.app09.core.Fixtures.federated;
import static dev.app09.core.Fixtures.id;
import static dev.app09.core.Fixtures.inDays;
import static dev.app09.core.Fixtures.key;
import static dev.app09.core.Fixtures.liveSecret;
import static dev.app09.core.Fixtures.samlTriple;
import static dev.app09.core.Fixtures.sp;
import static dev.app09.core.Fixtures.symmetricKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.Application;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.KeyIdentifier;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.model.ServicePrincipal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** APP09-RULES.md section 2: what each credential is. */
final class CredentialClassifierTest {

    private static List<CredentialKind> kinds(Application app, ServicePrincipal sp) {
        return CredentialClassifier.classify(new Workload(app.appId(), app, sp), AS_OF).stream()
                .map(AssessedCredential::kind).toList();
    }

    private static CredentialKind kindOf(KeyCredential key) {
        Application a = app(id(1), "A", key);
        return CredentialClassifier.classify(new Workload(a.appId(), a, null), AS_OF).get(0).kind();
    }

    static Stream<Arguments> keyCases() {
        return Stream.of(
                Arguments.of("§2 AsymmetricX509Cert with usage Verify is a CERTIFICATE", "AsymmetricX509Cert", "Verify",
                        CredentialKind.CERTIFICATE),
                Arguments.of("§2 type and usage are read ignoring case", "asymmetricx509cert", "verify",
                        CredentialKind.CERTIFICATE),
                Arguments.of("§2 any key with usage Sign is SIGNING", "AsymmetricX509Cert", "Sign", CredentialKind.SIGNING),
                Arguments.of("§2 X509CertAndPassword with usage Sign is SIGNING", "X509CertAndPassword", "Sign",
                        CredentialKind.SIGNING),
                Arguments.of("§2 a Symmetric key is a SYMMETRIC_KEY", "Symmetric", "Verify", CredentialKind.SYMMETRIC_KEY),
                Arguments.of("§2 X509CertAndPassword with usage Verify is UNKNOWN", "X509CertAndPassword", "Verify",
                        CredentialKind.UNKNOWN),
                Arguments.of("§2 an unknown type is UNKNOWN, never a certificate", "QuantumKey", "Verify",
                        CredentialKind.UNKNOWN),
                Arguments.of("§2 an unknown usage is UNKNOWN, never a certificate", "AsymmetricX509Cert", "Encrypt",
                        CredentialKind.UNKNOWN),
                Arguments.of("§2 a missing type is UNKNOWN", null, "Verify", CredentialKind.UNKNOWN),
                Arguments.of("§2 a missing usage is UNKNOWN", "AsymmetricX509Cert", null, CredentialKind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyCases")
    void key_credentials_are_classified_by_type_and_usage(String name, String type, String usage, CredentialKind expected) {
        assertThat(kindOf(key(type, usage, daysAgo(1), inDays(1)))).isEqualTo(expected);
    }

    @Test
    void a_password_credential_is_a_secret() {
        Application a = app(id(1), "A", liveSecret());
        assertThat(CredentialClassifier.classify(new Workload(a.appId(), a, null), AS_OF))
                .extracting(AssessedCredential::kind).containsExactly(CredentialKind.SECRET);
    }

    @Test
    void saml_signing_triple_sharing_custom_key_identifier_is_all_signing() {
        ServicePrincipal s = sp(id(2), "SAML app", null, samlTriple(daysAgo(10), inDays(300)));
        assertThat(CredentialClassifier.classify(new Workload(s.appId(), null, s), AS_OF))
                .extracting(AssessedCredential::kind)
                .containsExactly(CredentialKind.SIGNING, CredentialKind.SIGNING, CredentialKind.SIGNING);
    }

    @Test
    void saml_password_paired_with_sign_key_by_key_id_alone_is_signing() {
        UUID shared = UUID.randomUUID();
        KeyCredential sign = new KeyCredential(shared, "custom", null, "X509CertAndPassword", "Sign", null, inDays(300));
        PasswordCredential password = new PasswordCredential(shared, "custom", null, null, null, inDays(300));
        ServicePrincipal s = sp(id(3), "SAML custom key", null, sign, password);
        assertThat(CredentialClassifier.classify(new Workload(s.appId(), null, s), AS_OF))
                .extracting(AssessedCredential::kind).containsExactly(CredentialKind.SIGNING, CredentialKind.SIGNING);
    }

    @Test
    void verify_key_with_an_unrelated_custom_key_identifier_stays_a_certificate() {
        KeyCredential sign = new KeyCredential(UUID.randomUUID(), "s", KeyIdentifier.of(new byte[] {1}), "AsymmetricX509Cert",
                "Sign", null, inDays(300));
        KeyCredential verify = new KeyCredential(UUID.randomUUID(), "v", KeyIdentifier.of(new byte[] {2}),
                "AsymmetricX509Cert", "Verify", null, inDays(300));
        Application a = app(id(4), "A", sign, verify);
        assertThat(kinds(a, sp(id(4), "A", null))).containsExactly(CredentialKind.SIGNING, CredentialKind.CERTIFICATE);
    }

    @Test
    void empty_custom_key_identifiers_never_pair_a_secret_with_a_sign_key() {
        KeyIdentifier empty = KeyIdentifier.of(new byte[0]);
        KeyCredential sign = new KeyCredential(UUID.randomUUID(), "s", empty, "AsymmetricX509Cert", "Sign", null, inDays(300));
        PasswordCredential secret = new PasswordCredential(UUID.randomUUID(), "s", "abc", empty, null, inDays(300));
        ServicePrincipal s = sp(id(5), "S", null, sign, secret);
        assertThat(CredentialClassifier.classify(new Workload(s.appId(), null, s), AS_OF))
                .extracting(AssessedCredential::kind).containsExactly(CredentialKind.SIGNING, CredentialKind.SECRET);
    }

    @Test
    void signing_pairing_never_crosses_from_service_principal_to_application() {
        List<Object> triple = samlTriple(daysAgo(10), inDays(300));
        PasswordCredential spPassword = (PasswordCredential) triple.get(2);
        // The same password on the application is not excused by the service principal's Sign key.
        Application a = app(id(6), "A", new PasswordCredential(spPassword.keyId(), null, "abc",
                spPassword.customKeyIdentifier(), null, inDays(300)));
        ServicePrincipal s = sp(id(6), "A", null, triple.get(0), triple.get(1));
        assertThat(kinds(a, s)).containsExactly(CredentialKind.SECRET, CredentialKind.SIGNING, CredentialKind.SIGNING);
    }

    @Test
    void federated_credentials_are_federated_and_always_active() {
        Application a = app(id(7), "A", federated());
        assertThat(CredentialClassifier.classify(new Workload(a.appId(), a, null), AS_OF))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(CredentialKind.FEDERATED);
                    assertThat(c.status()).isEqualTo(CredentialStatus.ACTIVE);
                });
    }

    @Test
    void every_credential_is_tagged_with_the_object_it_sits_on() {
        Application a = app(id(8), "A", activeCertificate());
        ServicePrincipal s = sp(id(8), "A", null, liveSecret(), symmetricKey(null, inDays(10)));
        assertThat(CredentialClassifier.classify(new Workload(a.appId(), a, s), AS_OF))
                .extracting(AssessedCredential::location)
                .containsExactly(CredentialLocation.APPLICATION, CredentialLocation.SERVICE_PRINCIPAL,
                        CredentialLocation.SERVICE_PRINCIPAL);
    }
}
