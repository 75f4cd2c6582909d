package vn.smartprovince.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template written in YAML into plain maps and lists, turning the
 * short-form tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) into their long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, ...), as CloudFormation does.
 */
public final class CfnYaml {
    private static final List<String> FUNCTIONS = List.of(
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split",
            "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Condition", "Length", "ToJsonString");

    private CfnYaml() {
    }

    public static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new Constructor(options), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options)
                .load(reader);
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException("template is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Short("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Short("Condition"));
            for (String function : FUNCTIONS) {
                if (!function.equals("Condition")) {
                    yamlConstructors.put(new Tag("!" + function), new Short("Fn::" + function));
                }
            }
        }

        /** {@code !Tag value} -> {@code {name: value}}; {@code !GetAtt A.B} -> {@code ["A", "B"]}. */
        private final class Short extends AbstractConstruct {
            private final String name;

            Short(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = scalar.getValue();
                    if (name.equals("Fn::GetAtt")) {
                        int dot = text.indexOf('.');
                        value = dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
                    } else {
                        value = text;
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(name, value);
                return map;
            }
        }
    }
}
