package fr.duiconnect.ins.insi;

import org.apache.cxf.Bus;
import org.apache.cxf.message.Message;
import org.apache.cxf.service.model.EndpointInfo;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.ws.addressing.EndpointReferenceType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;

/**
 * CXF's URLConnection conduit, each request sent once. It sends and reads on the calling thread, where CXF's default
 * JDK HttpClient conduit hands every INSi call over to its pipe, executor and selector threads (about 4 of a search's
 * 10 CPU ms, and the hand-offs lengthen the latency's tail on a busy machine).
 * <p>
 * Left as it is, the JDK's HttpURLConnection silently sends a POST again when its answer fails on the wire (a reset
 * connection), unless a streaming mode is set ({@code sun.net.http.retryPost} is JVM-wide), and CXF sets none for a
 * body below its chunking threshold. So the body (a few kilobytes) is collected and its length fixed before the
 * connection opens: a failed exchange surfaces as a transport error, the caller decides. Never chunked, as before.
 */
final class SendOnceConduit extends URLConnectionHTTPConduit {

    SendOnceConduit(Bus bus, EndpointInfo endpoint, EndpointReferenceType target) throws IOException {
        super(bus, endpoint, target);
    }

    @Override
    protected OutputStream createOutputStream(Message message, boolean needToCacheRequest, boolean isChunking,
                                              int chunkThreshold) throws IOException {
        OutputStream wire = super.createOutputStream(message, needToCacheRequest, false, chunkThreshold);
        HttpURLConnection connection = (HttpURLConnection) message.get(KEY_HTTP_CONNECTION);
        return new ByteArrayOutputStream(4096) {
            private boolean sent;

            @Override
            public void flush() {
                // the body leaves whole, at close
            }

            @Override
            public void close() throws IOException {
                if (sent) {
                    return;
                }
                sent = true;
                connection.setFixedLengthStreamingMode(count);
                wire.write(buf, 0, count);
                wire.close();
            }
        };
    }
}
