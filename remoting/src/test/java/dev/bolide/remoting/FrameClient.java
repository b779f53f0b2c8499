package dev.bolide.remoting;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RemotingFrameCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;

/** A plain blocking socket that speaks frames, for tests: what any client puts on the wire. */
public final class FrameClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public FrameClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public void send(RemotingCommand command) throws IOException {
        writeRaw(RemotingFrameCodec.encode(command).array());
    }

    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public RemotingCommand receive() throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return RemotingFrameCodec.decode(ByteBuffer.wrap(frame));
    }

    /** True once the server closed the connection (reading hits the end of the stream). */
    public boolean isClosedByServer() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
