package dev.bolide.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The defaults {@code ra.xml} tells deployers are the adapter's: the JavaBean's initial values,
 * which take the embedded broker's from the broker's settings registry.
 */
class RaXmlDefaultsTest {
    private static final Pattern DEFAULT = Pattern.compile("Default (\\S+)\\.$");

    @Test
    void everyDefaultNamedInRaXmlIsTheAdaptersInitialValue() throws Exception {
        Map<String, String> documented = documentedDefaults();
        BolideResourceAdapter adapter = new BolideResourceAdapter();

        assertThat(documented).containsKeys("brokerPort", "transactionTimeout", "transactionCheckInterval",
                "mappedFileSizeCommitLog");
        for (Map.Entry<String, String> property : documented.entrySet()) {
            String getter = "get" + Character.toUpperCase(property.getKey().charAt(0)) + property.getKey().substring(1);
            Object initial = BolideResourceAdapter.class.getMethod(getter).invoke(adapter);
            assertThat(String.valueOf(initial)).as(property.getKey()).isEqualTo(property.getValue());
        }
    }

    /** Config property name to the default its description names, for the resource adapter's own properties. */
    private static Map<String, String> documentedDefaults() throws Exception {
        Element adapter = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/rar/META-INF/ra.xml").toFile()).getElementsByTagName("resourceadapter").item(0);
        Map<String, String> defaults = new LinkedHashMap<>();
        NodeList children = adapter.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element property && property.getTagName().equals("config-property")) {
                Matcher fallback = DEFAULT.matcher(text(property, "description"));
                if (fallback.find()) {
                    defaults.put(text(property, "config-property-name"), fallback.group(1));
                }
            }
        }
        return defaults;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}
