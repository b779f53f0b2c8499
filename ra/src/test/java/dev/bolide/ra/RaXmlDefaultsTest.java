package dev.bolide.ra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.ra.outbound.BolideManagedConnectionFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The defaults {@code ra.xml} tells deployers are the adapter's: the JavaBeans' initial values,
 * which take the embedded broker's from the broker's settings registry and the connection
 * factories' from the client's connection settings.
 */
class RaXmlDefaultsTest {
    private static final Pattern DEFAULT = Pattern.compile("Default (\\S+)\\.$");

    @Test
    void everyDefaultNamedInRaXmlIsTheAdaptersInitialValue() throws Exception {
        Map<String, String> documented = documentedDefaults(descriptor().getElementsByTagName("resourceadapter").item(0));

        assertThat(documented).containsKeys("brokerPort", "transactionTimeout", "transactionCheckInterval",
                "mappedFileSizeCommitLog");
        assertInitialValues(new BolideResourceAdapter(), documented);
    }

    @Test
    void everyDefaultNamedForAConnectionFactoryIsTheManagedConnectionFactorysInitialValue() throws Exception {
        NodeList definitions = descriptor().getElementsByTagName("connection-definition");

        assertThat(definitions.getLength()).isEqualTo(3);
        for (int i = 0; i < definitions.getLength(); i++) {
            Map<String, String> documented = documentedDefaults(definitions.item(i));
            assertThat(documented).containsKeys("requestTimeout", "maxRedeliveries", "sendOrder");
            assertInitialValues(new BolideManagedConnectionFactory(), documented);
        }
    }

    private static void assertInitialValues(Object bean, Map<String, String> documented) throws Exception {
        for (Map.Entry<String, String> property : documented.entrySet()) {
            String getter = "get" + Character.toUpperCase(property.getKey().charAt(0)) + property.getKey().substring(1);
            Object initial = bean.getClass().getMethod(getter).invoke(bean);
            assertThat(String.valueOf(initial)).as(property.getKey()).isEqualTo(property.getValue());
        }
    }

    private static Document descriptor() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/rar/META-INF/ra.xml").toFile());
    }

    /** Config property name to the default its description names, for the properties directly under {@code parent}. */
    private static Map<String, String> documentedDefaults(Node parent) {
        Map<String, String> defaults = new LinkedHashMap<>();
        NodeList children = parent.getChildNodes();
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
