package dev.devstack.store.etcd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.devstack.store.RegistryException;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The value of the {@code guard} key, rewritten by every committed update:
 * {@code {"sequence":S,"events":N}}. {@code sequence} numbers the updates that recorded events (so
 * their {@code event/} keys are unique and sort in order); {@code events} is how many events the
 * log holds, which decides how many of the oldest to drop.
 */
record Guard(long sequence, long events) {

    static final Guard NONE = new Guard(0, 0);

    private static final JsonFactory JSON = new JsonFactory();

    String encode() {
        StringWriter text = new StringWriter(48);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField("sequence", sequence);
            out.writeNumberField("events", events);
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON into a string cannot fail", e);
        }
        return text.toString();
    }

    /** The guard in {@code value}, read from {@code where} (its key, for the message when it is damaged). */
    static Guard decode(String value, String where) {
        long sequence = -1;
        long events = -1;
        try (JsonParser in = JSON.createParser(value)) {
            if (in.nextToken() == JsonToken.START_OBJECT) {
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    JsonToken token = in.nextToken();
                    if (token == JsonToken.VALUE_NUMBER_INT && name.equals("sequence")) {
                        sequence = in.getLongValue();
                    } else if (token == JsonToken.VALUE_NUMBER_INT && name.equals("events")) {
                        events = in.getLongValue();
                    } else {
                        in.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw damaged(value, where, e);
        }
        if (sequence < 0 || events < 0) {
            throw damaged(value, where, null);
        }
        return new Guard(sequence, events);
    }

    private static RegistryException damaged(String value, String where, IOException cause) {
        return new RegistryException("the team registry's guard " + where + " is not what devstack writes (" + value
                + "); ask whoever runs the team registry to repair it (`etcdctl get " + where + "` shows it)", cause);
    }
}
