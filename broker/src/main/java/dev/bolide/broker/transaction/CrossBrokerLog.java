package dev.bolide.broker.transaction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the broker must remember of local transactions that spanned brokers, in
 * {@code config/crossBrokerTransactions.json}, forced to disk at every change:
 * <ul>
 * <li>as a participant, the coordinator of each branch it was asked to prepare, written before the
 * prepare is, so that a prepared branch always knows whom to ask for its outcome;</li>
 * <li>as a coordinator, each commit decision and the participants that have not yet said they
 * applied it. The op log holds the decision too, but only until the branch table forgets it
 * ({@code xaBranchTimeout}) or retention deletes it; a participant may ask much later.</li>
 * </ul>
 * Both lists stay short: an entry lives from a prepare or commit to the participant's own
 * resolution. Thread-safe.
 */
final class CrossBrokerLog {
    private static final JsonFactory JSON = new JsonFactory();

    private final MetadataFile file;
    /** Participant side: branch to its coordinator's address. */
    private final Map<String, String> coordinators = new LinkedHashMap<>();
    /** Coordinator side: branch committed to the participants that have not confirmed. */
    private final Map<String, Set<String>> decisions = new LinkedHashMap<>();

    private CrossBrokerLog(MetadataFile file) {
        this.file = file;
    }

    static CrossBrokerLog load(MetadataFile file) throws IOException {
        CrossBrokerLog log = new CrossBrokerLog(file);
        file.load(content -> {
            log.parse(content);
            return log;
        });
        return log;
    }

    synchronized void coordinatedBy(String branch, String coordinator) throws IOException {
        if (!coordinator.equals(coordinators.put(branch, coordinator))) {
            save();
        }
    }

    synchronized Map<String, String> coordinators() {
        return Map.copyOf(coordinators);
    }

    /** The participant's branch is over: it no longer needs its coordinator. */
    synchronized void resolved(String branch) throws IOException {
        if (coordinators.remove(branch) != null) {
            save();
        }
    }

    synchronized void committed(String branch, Collection<String> participants) throws IOException {
        decisions.put(branch, new TreeSet<>(participants));
        save();
    }

    synchronized boolean isCommitted(String branch) {
        return decisions.containsKey(branch);
    }

    /** These participants applied the commit; the decision is forgotten once all did. */
    synchronized void applied(String branch, Collection<String> participants) throws IOException {
        Set<String> waiting = decisions.get(branch);
        if (waiting != null && waiting.removeAll(participants)) {
            if (waiting.isEmpty()) {
                decisions.remove(branch);
            }
            save();
        }
    }

    private void save() throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("coordinators");
            for (Map.Entry<String, String> entry : coordinators.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("decisions");
            for (Map.Entry<String, Set<String>> entry : decisions.entrySet()) {
                json.writeArrayFieldStart(entry.getKey());
                for (String participant : entry.getValue()) {
                    json.writeString(participant);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.store(out.toString());
    }

    private void parse(String content) {
        try (JsonParser json = JSON.createParser(content)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String section = json.currentName();
                expect(json.nextToken(), JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String branch = json.currentName();
                    if ("decisions".equals(section)) {
                        expect(json.nextToken(), JsonToken.START_ARRAY);
                        Set<String> waiting = new TreeSet<>();
                        while (json.nextToken() == JsonToken.VALUE_STRING) {
                            waiting.add(json.getText());
                        }
                        decisions.put(branch, waiting);
                    } else {
                        expect(json.nextToken(), JsonToken.VALUE_STRING);
                        coordinators.put(branch, json.getText());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a cross-broker transaction file: " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken found, JsonToken expected) {
        if (found != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + found);
        }
    }
}
