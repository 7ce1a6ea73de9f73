# The window's Korean and English translations, included from ui/CMakeLists.txt (they belong to casebook_ui).
# The .ts files are sources the team edits; lrelease compiles them to .qm, which are built into casebook_ui
# under :/i18n. `script/update-translations` (the `update_translations` target) adds new tr() strings.
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)

# Every file that can call tr(): the widgets and the GUI's main. A glob, so new panes need no edit here.
file(GLOB_RECURSE CASEBOOK_TR_SOURCES CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h)
# The channel table's labels (QT_TRANSLATE_NOOP, context "casebook::ui") are translated by the window.
list(APPEND CASEBOOK_TR_SOURCES ${PROJECT_SOURCE_DIR}/app/gui_main.cpp
     ${PROJECT_SOURCE_DIR}/core/model/channel_table.h)
set(CASEBOOK_TR_INCLUDES ${PROJECT_SOURCE_DIR}/ui ${PROJECT_SOURCE_DIR}/core)
# No line numbers (every edit elsewhere would churn the files) and no dead entries.
set(CASEBOOK_LUPDATE_OPTIONS -no-obsolete -locations none)

qt_add_lupdate(casebook_ui
  TS_FILES ${CMAKE_CURRENT_LIST_DIR}/casebook_ko.ts
  SOURCES ${CASEBOOK_TR_SOURCES}
  INCLUDE_DIRECTORIES ${CASEBOOK_TR_INCLUDES}
  OPTIONS ${CASEBOOK_LUPDATE_OPTIONS})
# English is the source language: its file holds only the plural forms ("1 ticket", "2 tickets"). The
# target only names lupdate's run for it.
add_custom_target(casebook_ui_en)
qt_add_lupdate(casebook_ui_en
  TS_FILES ${CMAKE_CURRENT_LIST_DIR}/casebook_en.ts
  SOURCES ${CASEBOOK_TR_SOURCES}
  INCLUDE_DIRECTORIES ${CASEBOOK_TR_INCLUDES}
  OPTIONS ${CASEBOOK_LUPDATE_OPTIONS} -pluralonly)

qt_add_lrelease(casebook_ui
  TS_FILES ${CMAKE_CURRENT_LIST_DIR}/casebook_ko.ts ${CMAKE_CURRENT_LIST_DIR}/casebook_en.ts
  QM_FILES_OUTPUT_VARIABLE CASEBOOK_QM_FILES)
qt_add_resources(casebook_ui "casebook_translations"
  PREFIX "/i18n"
  BASE ${CMAKE_CURRENT_BINARY_DIR}
  FILES ${CASEBOOK_QM_FILES})
