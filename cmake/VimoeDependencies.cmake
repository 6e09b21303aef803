# Every dependency is a Debian 12 package (scripts/bootstrap installs them); nothing is
# vendored or downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(Torch REQUIRED)          # libtorch-dev (1.13, CPU); any LibTorch >= 1.13 on a GPU box
find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs freetype)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
# sentencepiece is linked only into the dlmopen'ed bridge library (REFERENCES.md section 8).
pkg_check_modules(SENTENCEPIECE REQUIRED IMPORTED_TARGET sentencepiece)
# jemalloc (libjemalloc-dev) serves the `vimoe` process's allocations: under glibc's malloc a
# streamed training run's RSS grows with every step (fragmentation across the prefetch threads'
# arenas; docs/development.md, "Streaming data"). Optional so that a box without apt (a carried
# GPU build) still builds; the run's recorded versions say which allocator served it.
pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
if(NOT JEMALLOC_FOUND)
  message(WARNING "jemalloc not found (apt-get install libjemalloc-dev): training runs use glibc malloc, whose RSS grows with steps")
endif()

if(VIMOE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(VIMOE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
if(VIMOE_BUILD_GUI)
  find_package(Qt6 REQUIRED COMPONENTS Core Gui Widgets Concurrent Svg PrintSupport Test LinguistTools)
  find_package(QCustomPlotQt6 REQUIRED)
endif()
