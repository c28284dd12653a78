package com.krleads.scraper.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal authoritative DNS server over UDP on 127.0.0.1 for MX-lookup tests: names in the
 * zone answer their MX and A records, other names answer NXDOMAIN; a silent server never answers.
 */
public final class LoopbackDns implements AutoCloseable {
    public static final int TYPE_A = 1;
    public static final int TYPE_MX = 15;
    private static final int TYPE_ANY = 255;

    private final DatagramSocket socket;
    private final Map<String, Set<Integer>> zone = new ConcurrentHashMap<>();
    private final boolean silent;
    private final Thread thread;

    private LoopbackDns(boolean silent) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.silent = silent;
        this.thread = new Thread(this::serve, "loopback-dns");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public static LoopbackDns start() throws SocketException {
        return new LoopbackDns(false);
    }

    /** Receives queries and never answers, like a resolver that is down behind a firewall. */
    public static LoopbackDns silent() throws SocketException {
        return new LoopbackDns(true);
    }

    /** Adds {@code domain} with these record types ({@link #TYPE_MX}, {@link #TYPE_A}); none means "exists, no records". */
    public LoopbackDns with(String domain, Integer... types) {
        zone.put(domain.toLowerCase(Locale.ROOT), Set.of(types));
        return this;
    }

    public String url() {
        return "dns://127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                if (!silent) {
                    byte[] answer = answer(query.getData(), query.getLength());
                    socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private byte[] answer(byte[] q, int length) {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (q[pos] != 0) {
            int len = q[pos] & 0xff;
            name.append(name.length() == 0 ? "" : ".").append(new String(q, pos + 1, len, java.nio.charset.StandardCharsets.US_ASCII));
            pos += len + 1;
        }
        int questionEnd = pos + 5;
        int qtype = ((q[pos + 1] & 0xff) << 8) | (q[pos + 2] & 0xff);
        Set<Integer> types = zone.get(name.toString().toLowerCase(Locale.ROOT));

        ByteArrayOutputStream records = new ByteArrayOutputStream();
        int count = 0;
        if (types != null) {
            for (int type : types) {
                if (qtype == type || qtype == TYPE_ANY) {
                    writeRecord(records, type, name.toString());
                    count++;
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        out.write(0x84 | (q[2] & 0x01));          // response, authoritative, RD copied
        out.write(types == null ? 0x03 : 0x00);  // NXDOMAIN or NOERROR
        writeShort(out, 1);
        writeShort(out, count);
        writeShort(out, 0);
        writeShort(out, 0);
        out.write(q, 12, questionEnd - 12);
        out.writeBytes(records.toByteArray());
        return out.toByteArray();
    }

    private static void writeRecord(ByteArrayOutputStream out, int type, String owner) {
        byte[] rdata;
        if (type == TYPE_MX) {
            ByteArrayOutputStream mx = new ByteArrayOutputStream();
            writeShort(mx, 10);
            for (String label : ("mail." + owner).split("\\.")) {
                mx.write(label.length());
                mx.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            mx.write(0);
            rdata = mx.toByteArray();
        } else {
            rdata = new byte[] {(byte) 192, 0, 2, 25};
        }
        writeShort(out, 0xC00C);                 // pointer to the question's name
        writeShort(out, type);
        writeShort(out, 1);                      // class IN
        writeShort(out, 0);
        writeShort(out, 300);                    // TTL
        writeShort(out, rdata.length);
        out.writeBytes(rdata);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }
}
