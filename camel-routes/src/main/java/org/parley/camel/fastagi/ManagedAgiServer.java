package org.parley.camel.fastagi;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * asterisk-java's FastAGI server with the two things an application server needs: session threads
 * from the given (container-managed) factory, with no cap of 500 sessions, and a listening socket
 * bound when {@link #bind()} is called, so a taken port fails the start instead of a background thread, and
 * guarded ({@link GuardedServerSocket}: Asterisk hosts only, bounded lines and environment).
 */
final class ManagedAgiServer extends DefaultAgiServer {

    private static final int BACKLOG = 1024;

    private final ThreadFactory threadFactory;
    private final int idleThreads;
    private final int maxSessions;
    private ServerSocketFacade boundSocket;

    ManagedAgiServer(MappingStrategy mapping, ThreadFactory threadFactory, int idleThreads, int maxSessions) {
        super(null, mapping, new CheckingChannelFactory());
        this.threadFactory = threadFactory;
        this.idleThreads = Math.min(idleThreads, maxSessions);
        this.maxSessions = maxSessions;
    }

    /** Binds the listening socket now; {@link #startup()} then accepts on it. */
    void bind(InetAddress address, int port, int readTimeoutMillis, java.util.function.Predicate<InetAddress> allowedPeers,
              java.util.function.BooleanSupplier refusingCalls, GuardedServerSocket.Limits limits) throws IOException {
        setAddress(address);
        setPort(port);
        GuardedServerSocket socket = new GuardedServerSocket(new java.net.ServerSocket(port, BACKLOG, address), allowedPeers, refusingCalls,
                limits);
        socket.setSocketReadTimeout(readTimeoutMillis);
        boundSocket = socket;
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
        if (boundSocket == null) {
            throw new IOException("bind() must be called before startup()");
        }
        return boundSocket;
    }

    @Override
    protected ThreadPoolExecutor createPool() {
        // One thread per live call (AGI is blocking); a SynchronousQueue hands each call to a thread
        // at once, and beyond maxSessions a call is refused rather than left waiting in silence.
        return new ThreadPoolExecutor(idleThreads, maxSessions, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
    }
}
