#pragma once

#include "demo/demo_inbox.h"
#include "support/test_support.h"

namespace casebook::test {

// The demo inbox in a fresh database, its clock at the present so due clocks read as the seller sees them.
struct DemoStore {
    TempStore store;
    DemoStore()
    {
        store.clock.set(QDateTime::currentDateTimeUtc());
        auto r = DemoInbox::load(*store.db, DemoInbox::resourceRoot());
        REQUIRE(r);
    }
};

} // namespace casebook::test
