package dev.app09.graph.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.certs.CertificateAndKey;
import dev.app09.graph.WriteResult;
import dev.app09.graph.cli.Console;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of app09-graph keeps a secret, checked over every class (commands, readers, writers,
 * nested and private ones): no field holds a password ({@code char[]}, or a field named for one),
 * a private key ({@link Key}, {@link CertificateAndKey}) or a secret value. Passwords and keys are
 * local variables of the step that needs them, wiped or dropped when it ends; the one field that
 * holds the environment is {@link Console}'s, whose {@code toString} shows names only.
 */
final class NoSecretFieldsTest {

    private static final Path CLASSES = Path.of("target/classes");

    /** Compared without case or underscores; a field naming where a password is ({@code passwordVariable}) is fine. */
    private static final Set<String> SECRET_VALUE_NAMES = Set.of("secret", "secrettext", "secretvalue", "clientsecret",
            "password", "pfxpassword", "privatekey", "key", "token", "accesstoken", "assertion", "clientassertion");

    private static List<Class<?>> graphClasses() throws IOException, ClassNotFoundException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CLASSES.resolve("dev/app09/graph"))) {
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

    private static Stream<Field> fields(Class<?> type) {
        return Stream.of(type.getDeclaredFields())
                .filter(f -> !f.isSynthetic() && !f.isEnumConstant() && !Modifier.isStatic(f.getModifiers()));
    }

    private static boolean holdsASecret(Field field) {
        Class<?> type = field.getType();
        return type == char[].class || Key.class.isAssignableFrom(type) || type == CertificateAndKey.class
                || SECRET_VALUE_NAMES.contains(field.getName().replace("_", "").toLowerCase(Locale.ROOT));
    }

    private static String describe(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName() + " : " + field.getType().getSimpleName();
    }

    @Test
    void the_walk_reaches_every_class_commands_and_nested_ones_included() throws Exception {
        assertThat(graphClasses()).hasSizeGreaterThan(60).contains(WriteResult.class, Console.class,
                Class.forName("dev.app09.graph.cli.MigrateUploadCommand"), Class.forName("dev.app09.graph.cli.KeyFiles"),
                Class.forName("dev.app09.graph.cli.SourceOptions$WithSignInCertificate"));
    }

    @Test
    void no_field_holds_a_password_a_private_key_or_a_secret_value() throws Exception {
        assertThat(graphClasses()).flatMap(t -> fields(t).filter(NoSecretFieldsTest::holdsASecret)
                .map(NoSecretFieldsTest::describe).toList()).isEmpty();
    }

    /** What the check must refuse, to show it can fail. */
    private static final class KeptTooLong {
        private char[] pin;
        private CertificateAndKey proof;
        private String clientSecret;
        private String passwordVariable;
    }

    @Test
    void the_check_would_catch_a_kept_password_key_or_secret() {
        assertThat(fields(KeptTooLong.class).filter(NoSecretFieldsTest::holdsASecret).map(Field::getName))
                .containsExactlyInAnyOrder("pin", "proof", "clientSecret");
    }
}
