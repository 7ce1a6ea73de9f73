#pragma once

#include "net/line_transport.h"

namespace casebook::test {

// A server that says what the test scripted and records every byte the client writes.
class ScriptedTransport final : public net::LineTransport {
public:
    QByteArray server;  // what the server will send, in order
    QByteArray written; // what the client wrote
    bool encrypted = false;
    bool loopback = false;
    int tlsStarts = 0;
    QByteArray writtenAtTls; // what was written before the handshake

    Result<void> write(const QByteArray& bytes) override
    {
        written += bytes;
        return {};
    }
    Result<QByteArray> readLine(int timeoutMs = -1) override
    {
        const qsizetype nl = server.indexOf('\n');
        if (nl < 0) {
            if (timeoutMs >= 0)
                return QByteArray();
            return makeError(QStringLiteral("the script ended"));
        }
        QByteArray line = server.left(nl + 1);
        server.remove(0, nl + 1);
        return line;
    }
    Result<QByteArray> readExactly(qint64 n) override
    {
        if (server.size() < n)
            return makeError(QStringLiteral("the script ended inside a literal"));
        QByteArray b = server.left(n);
        server.remove(0, n);
        return b;
    }
    Result<void> startTls() override
    {
        ++tlsStarts;
        writtenAtTls = written;
        encrypted = true;
        return {};
    }
    bool isEncrypted() const override { return encrypted; }
    bool isLoopback() const override { return loopback; }
};

} // namespace casebook::test
