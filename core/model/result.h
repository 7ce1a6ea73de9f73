// core/model/ holds Casebook's plain value types: tickets, messages, customers, ids and enums,
// the Result type every fallible core call returns, and the injectable clock.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace casebook {

// What kind of failure an Error is, so a caller can act on it without reading its text.
enum class ErrorCode {
    Unknown,      // not classified yet
    NotFound,     // the ticket, account, file or item named does not exist
    Conflict,     // the change collides with the current state (already answered, already exists)
    Refused,      // the server or a rule refused it (a 4xx that retrying will not change, a tone block)
    RateLimited,  // too many calls: wait and retry
    InvalidInput, // the caller's words or data are off (a bad value, an unreadable file format)
    Io,           // reading or writing a file, the network or the database failed
    Damaged,      // stored or received data fails its own checks (hash mismatch, corrupt file)
    // The service takes calls only from the network addresses the seller listed (Coupang's IP allow-list)
    // and this machine's is not among them: no retry helps until the seller adds it.
    AddressNotAllowed,
};

// An error a person can act on: what failed and, where known, why; `code` is for the program.
struct Error {
    QString message;
    ErrorCode code = ErrorCode::Unknown;
};

// Value-or-error, the small stand-in for std::expected (C++23) that the core API returns instead of throwing.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(QString message)
{
    return Error{std::move(message), ErrorCode::Unknown};
}

inline Error makeError(ErrorCode code, QString message)
{
    return Error{std::move(message), code};
}

} // namespace casebook
