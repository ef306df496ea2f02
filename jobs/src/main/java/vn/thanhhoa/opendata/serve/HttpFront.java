package vn.thanhhoa.opendata.serve;

import com.sun.net.httpserver.HttpHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The HTTP side of serve: Jetty under the JDK's {@code com.sun.net.httpserver} API, so handlers
 * stay plain {@code HttpExchange} code. The JDK's own server reads each request head on a worker
 * thread with no time limit, so a dozen half-sent requests stop it (README, serve); Jetty reads
 * heads without holding a thread, and here every connection is bounded in time and in number.
 */
final class HttpFront implements AutoCloseable {
  /** The limits that keep slow and idle clients from starving others. */
  record Limits(long idleMillis, long firstRequestMillis, int connections, int threads) {
    /** Idle 10 s, a first request within 10 s, 1,000 connections, 32 worker threads. */
    static Limits standard() {
      return new Limits(10_000, 10_000, 1_000, 32);
    }
  }

  private final Server jetty;
  private final ServerConnector connector;

  HttpFront(String bind, int port, Limits limits, HttpHandler handler) {
    QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 4);
    threads.setName("serve");
    threads.setIdleTimeout(5_000); // threads a burst needed go back soon after, all at once
    threads.setMaxEvictCount(limits.threads());
    jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(16 * 1024);
    http.setMinRequestDataRate(1024);
    connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(bind);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleMillis());
    connector.setAcceptQueueSize(128);
    connector.addEventListener(
        new FirstRequestDeadline(jetty.getScheduler(), limits.firstRequestMillis()));
    jetty.addConnector(connector);
    NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.connections(), jetty);
    limit.setEndPointIdleTimeout(Math.min(2_000, limits.idleMillis()));
    jetty.addBean(limit);
    jetty.setHandler(new ContextHandlerCollection());
    JettyHttpServer server = new JettyHttpServer(jetty, true, http);
    server.createContext("/", handler);
  }

  void start() {
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot listen on " + connector.getHost() + ":" + connector.getPort() + ": " + e, e);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), port());
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop the server: " + e, e);
    }
  }

  /**
   * Closes a connection whose first request has not been read and answered in time: the idle
   * timeout alone would let a client keep a connection by sending a byte now and then.
   */
  private static final class FirstRequestDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final long millis;

    FirstRequestDeadline(Scheduler scheduler, long millis) {
      this.scheduler = scheduler;
      this.millis = millis;
    }

    @Override
    public void onOpened(Connection connection) {
      scheduler.schedule(
          () -> {
            if (connection.getMessagesIn() == 0 && connection.getBytesOut() == 0) {
              connection.getEndPoint().close();
            }
          },
          millis,
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
      // nothing to release: the scheduled check finds the connection closed
    }
  }
}
