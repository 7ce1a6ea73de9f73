#pragma once

namespace casebook {

// Qt's platform start-up (QGuiApplication, even offscreen) looks for a display socket in XDG_RUNTIME_DIR,
// and where the variable is unset (cron, a service, a container, `su`) it writes a QStandardPaths warning
// to stderr before falling back to a folder of its own. A program whose stderr a script reads must print
// nothing but its own words, so each main calls this before it makes its application object: when the
// variable is unset it points it at a private folder (0700, owned by this user) under the temp folder,
// the kind of folder the variable promises. Where no such folder can be had, it leaves the variable alone
// and Qt says so as before.
void ensureRuntimeDir();

} // namespace casebook
