package dev.bolide.client.rocketmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The master addresses in the name server's answer to GET_BROKER_CLUSTER_INFO: every broker, also
 * those of no topic this client uses (what an administrative request such as deleting a
 * subscription group must reach).
 */
final class ClusterBrokers {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String MASTER_ID = "0";

    private ClusterBrokers() {
    }

    /** Every value of a {@code "0"} field inside a {@code brokerAddrs} object. */
    static List<String> masters(byte[] body) {
        List<String> masters = new ArrayList<>();
        try (JsonParser json = JSON.createParser(body)) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.FIELD_NAME && json.currentName().equals("brokerAddrs")
                        && json.nextToken() == JsonToken.START_OBJECT) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String id = json.currentName();
                        json.nextToken();
                        if (id.equals(MASTER_ID)) {
                            masters.add(json.getValueAsString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new RocketMqException(ResponseCode.SYSTEM_ERROR, "broker cluster info is not JSON: " + e.getMessage());
        }
        return masters;
    }
}
