package dev.devstack.store.etcd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.devstack.store.DamagedEntry;
import dev.devstack.store.LeaseCodec;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one update, kept as one {@code event/SEQUENCE} key: a JSON array of the store's
 * event documents. One key per update rather than per event, because etcd allows only 128
 * operations in a transaction by default, and the agent records hundreds of events in one update.
 */
final class EventBatches {

    private final JsonFactory json = new JsonFactory();
    private final LeaseCodec codec;

    EventBatches(LeaseCodec codec) {
        this.codec = codec;
    }

    String encode(List<RegistryEvent> events) {
        StringWriter text = new StringWriter(events.size() * 160);
        try (JsonGenerator out = json.createGenerator(text)) {
            out.writeStartArray();
            for (RegistryEvent event : events) {
                out.writeRawValue(codec.encode(event));
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON into a string cannot fail", e);
        }
        return text.toString();
    }

    /** The events of the batch at {@code where}, oldest first. */
    List<RegistryEvent> decode(String value, String where) {
        List<RegistryEvent> events = new ArrayList<>();
        try (JsonParser in = json.createParser(value)) {
            if (in.nextToken() != JsonToken.START_ARRAY) {
                throw damaged(value, where, null);
            }
            while (in.nextToken() == JsonToken.START_OBJECT) {
                StringWriter one = new StringWriter(160);
                try (JsonGenerator out = json.createGenerator(one)) {
                    out.copyCurrentStructure(in);
                }
                events.add(codec.decodeEvent(one.toString()));
            }
        } catch (IOException | DamagedEntry e) {
            throw damaged(value, where, e);
        }
        return events;
    }

    private static RegistryException damaged(String value, String where, Exception cause) {
        return new RegistryException("the team registry's history entry " + where + " is not what devstack writes ("
                + value + "); ask whoever runs the team registry to remove it (`etcdctl del " + where + "`)", cause);
    }
}
