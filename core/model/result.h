// core/model/ holds Casebook's plain value types: tickets, messages, customers, ids and enums,
// the Result type every fallible core call returns, and the injectable clock.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace casebook {

// An error a person can act on: what failed and, where known, why.
struct Error {
    QString message;
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
    return Error{std::move(message)};
}

} // namespace casebook
