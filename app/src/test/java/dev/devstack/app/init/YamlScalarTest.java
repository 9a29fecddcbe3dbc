package dev.devstack.app.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Text copied from other tools' files reads back from ports.yaml as the same text, never as a boolean, number or something cut short. */
class YamlScalarTest {

    @ParameterizedTest
    @ValueSource(strings = {"python3 -m http.server $PORT", "redis-server --save \"\"", "yes", "no", "on", "off", "true",
            "null", "~", "1", "0755", "1.5", "8000:80", "0x1F", "-1", ".inf", "a: b", "a #b", "ends:", "# comment",
            "- item", "[x]", "{x}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "'single'", "?q",
            "|pipe", ">fold", "tab\there", "line\nbreak", "bell\u0007", "  leading", "trailing ", "", "süß → 東京",
            "curl -fsS http://localhost:3000/health || exit 1", "a,b", "back\\slash", "main:app"})
    void everyTextReadsBackAsItself(String text) {
        String yaml = "value: " + YamlScalar.of(text) + "\n";

        Map<String, Object> read = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);

        assertThat(read.get("value")).as(yaml).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm run dev", "python3 -m uvicorn main:app", "apps/web", "DEBUG"})
    void plainTextStaysPlain(String text) {
        assertThat(YamlScalar.of(text)).isEqualTo(text);
    }
}
