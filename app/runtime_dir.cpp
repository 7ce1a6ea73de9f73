#include "runtime_dir.h"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace casebook {

void ensureRuntimeDir()
{
    if (const char* set = std::getenv("XDG_RUNTIME_DIR"); set && *set)
        return;
    const char* tmp = std::getenv("TMPDIR");
    const std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/casebook-runtime-" +
                            std::to_string(static_cast<unsigned long>(::getuid()));
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return;
    // Someone else's folder, or a link planted under a guessable name, is no private folder: lstat, not stat.
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid())
        return;
    if ((st.st_mode & 0777) != 0700 && ::chmod(dir.c_str(), 0700) != 0)
        return;
    ::setenv("XDG_RUNTIME_DIR", dir.c_str(), 1);
}

} // namespace casebook
