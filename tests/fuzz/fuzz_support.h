// What the fuzz targets share: a Qt application object (resources, codecs, and for the HTML target the
// text engine need one), and a throw-away store on a RAM disk when there is one.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace casebook::fuzz {

// A QGuiApplication on the offscreen platform, made once; argv is libFuzzer's.
void ensureApplication(int* argc, char*** argv);

// A folder that lives as long as the process (under /dev/shm when it exists: a store's fsyncs then cost
// nothing).
QString scratchDir();

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

} // namespace casebook::fuzz
