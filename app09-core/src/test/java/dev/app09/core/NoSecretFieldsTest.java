package dev.app09.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.migration.RetirementDecision;
import dev.app09.core.model.KeyCredential;
import dev.app09.core.model.PasswordCredential;
import dev.app09.core.rules.AssessedCredential;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model has no room for a secret value, checked over every class of core (nested and private
 * ones included) rather than type by type, so that a field added later is caught too: no field is
 * named for a secret value, no credential type has a field for a secret, a value or a password, no
 * field is a {@code char[]} (the type a password is held in), and the only byte arrays are public
 * ones. {@link PurityTest} checks {@link PasswordCredential}'s components exactly.
 */
final class NoSecretFieldsTest {

    private static final Path CLASSES = Path.of("target/classes");

    /** Names of a field that holds a secret value, in any class; compared without case or underscores. */
    private static final Set<String> SECRET_VALUE_NAMES = Set.of("secrettext", "secretvalue", "clientsecret",
            "password", "passwordvalue", "pfxpassword", "privatekey", "plaintext", "credentialvalue", "token",
            "accesstoken");

    /** Also refused on credential types, where a field so named would hold the credential itself. */
    private static final Set<String> CREDENTIAL_VALUE_NAMES = Set.of("secret", "value", "text", "keyvalue");

    /** The byte arrays of core, both public: an opaque key identifier, and the certificate an application is given. */
    private static final Set<String> PUBLIC_BYTE_ARRAYS = Set.of("dev.app09.core.model.KeyIdentifier.bytes",
            "dev.app09.core.model.KeyCredentialPayload.key");

    private static List<Class<?>> coreClasses() throws IOException, ClassNotFoundException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CLASSES.resolve("dev/app09/core"))) {
            files = walk.filter(p -> p.toString().endsWith(".class") && !p.endsWith("package-info.class")).toList();
        }
        List<Class<?>> classes = new ArrayList<>();
        for (Path file : files) {
            String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                    .replaceAll("\\.class$", "");
            classes.add(Class.forName(name, false, NoSecretFieldsTest.class.getClassLoader()));
        }
        return classes;
    }

    /** Instance fields as written in the source: no enum constants, constants or compiler-made fields. */
    private static Stream<Field> fields(Class<?> type) {
        return Stream.of(type.getDeclaredFields())
                .filter(f -> !f.isSynthetic() && !f.isEnumConstant() && !Modifier.isStatic(f.getModifiers()));
    }

    private static String normalized(Field field) {
        return field.getName().replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String describe(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }

    /** A credential type: a Graph credential, its classification, or what pairs and uploads credentials. */
    private static boolean isCredentialType(Class<?> type) {
        return type.getSimpleName().contains("Credential") || type.getSimpleName().startsWith("Key");
    }

    private static List<String> secretNamedFields(Class<?> type) {
        return fields(type).filter(f -> SECRET_VALUE_NAMES.contains(normalized(f))
                || isCredentialType(type) && CREDENTIAL_VALUE_NAMES.contains(normalized(f)))
                .map(NoSecretFieldsTest::describe).toList();
    }

    @Test
    void the_walk_reaches_every_class_nested_and_private_ones_included() throws Exception {
        assertThat(coreClasses()).hasSizeGreaterThan(60)
                .contains(PasswordCredential.class, KeyCredential.class, AssessedCredential.class,
                        RetirementDecision.class, Class.forName("dev.app09.core.migration.RetirementGuard$Proof"));
    }

    @Test
    void no_field_is_named_for_a_secret_value_and_no_credential_type_has_one_for_a_secret() throws Exception {
        assertThat(coreClasses()).flatMap(NoSecretFieldsTest::secretNamedFields).isEmpty();
    }

    @Test
    void no_field_is_a_char_array_and_the_only_byte_arrays_are_public() throws Exception {
        List<Field> all = coreClasses().stream().flatMap(NoSecretFieldsTest::fields).toList();

        assertThat(all).filteredOn(f -> f.getType() == char[].class).isEmpty();
        assertThat(all).filteredOn(f -> f.getType() == byte[].class).map(NoSecretFieldsTest::describe)
                .containsExactlyInAnyOrderElementsOf(PUBLIC_BYTE_ARRAYS);
    }

    /** A type the rules must refuse, to show they can fail. */
    private record LeakyCredential(String keyId, String secretText, char[] pin) {
    }

    /** Another: a credential type with a generic field for its value. */
    private record KeyHolder(String value) {
    }

    @Test
    void the_checks_would_catch_a_field_for_a_secret() {
        assertThat(secretNamedFields(LeakyCredential.class)).containsExactly(describe(field(LeakyCredential.class,
                "secretText")));
        assertThat(secretNamedFields(KeyHolder.class)).hasSize(1);
        assertThat(fields(LeakyCredential.class)).anyMatch(f -> f.getType() == char[].class);
        assertThat(secretNamedFields(RetirementDecision.class)).as("a decision describes its secret by name and hint")
                .isEmpty();
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
