package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Location HERE = Location.file("ports.yaml");

    private static String render(String source) {
        return Template.parse(source, HERE).render(part -> {
            if (part instanceof Template.ServiceRef ref) {
                return "<" + ref.service() + "|" + ref.attribute() + "|" + ref.portName() + ">";
            }
            return "<env " + ((Template.EnvRef) part).name() + ">";
        });
    }

    @Test
    void referencesAreReplacedAndShellSyntaxIsLeftAlone() {
        assertThat(render("app --port $PORT --db ${db.port} --home ${HOME} --url=${api.url}/x"))
                .isEqualTo("app --port $PORT --db <db|port|> --home ${HOME} --url=<api|url|>/x");
        assertThat(render("${api.ports.metrics} ${env.TOKEN}")).isEqualTo("<api|ports|metrics> <env TOKEN>");
    }

    @Test
    void aDoubledDollarWritesALiteralReference() {
        assertThat(render("echo $${db.port} ${db.port}")).isEqualTo("echo ${db.port} <db|port|>");
    }

    @Test
    void textWithoutReferencesIsOneLiteral() {
        assertThat(Template.parse("plain", HERE).parts()).containsExactly(new Template.Literal("plain"));
    }
}
