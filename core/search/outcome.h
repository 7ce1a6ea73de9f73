// core/search/ is the search that needs no Qt: the FTS5 tokenizer, the query language, the SQL, snippets and
// the CLI's output. casebook-cli runs a search on it with SQLite and the C++ library alone; core/store wraps
// it for the rest of Casebook.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace casebook::search {

// Value-or-error without Qt: the error is a message a person can act on, in UTF-8.
template <typename T> class [[nodiscard]] Outcome {
public:
    Outcome(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    static Outcome failure(std::string message)
    {
        return Outcome(std::in_place_index<1>, std::move(message));
    }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const std::string& error() const { return std::get<1>(m_v); }

private:
    template <std::size_t I, typename A>
    Outcome(std::in_place_index_t<I> i, A&& a) : m_v(i, std::forward<A>(a))
    {
    }
    std::variant<T, std::string> m_v;
};

} // namespace casebook::search
