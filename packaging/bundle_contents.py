"""What the Lok Desk bundle carries and leaves out; read by lok-desk.spec and checked by build.py.

One list per decision, so trimming the bundle is a reviewable one-line change. build.py refuses to
build when lok_desk imports a Qt module listed in EXCLUDED_QT_MODULES, because PyInstaller would
silently leave it out and the app would fail only when that code path runs.
"""

from __future__ import annotations

APP_ID = "com.lokdesk.LokDesk"
EXECUTABLE = "lok-desk"
# Other commands the same executable runs, by the name it is started as (packaging/lok_desk_main.py);
# the .deb links each to it under /usr/bin.
COMMANDS = ("lok-desk-sandbox", "lok-desk-check")
DISPLAY_NAME = "Lok Desk"

# PySide6 modules the desk never imports (QtCore, QtGui, QtWidgets, QtSvg, QtPrintSupport stay).
# PySide6-Essentials ships most of these; the add-on ones are listed too in case the full PySide6
# meta-package is installed in the build environment.
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDataVisualization",
    "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)

# Python packages that are installed for development or are optional imports of our dependencies,
# never used by the running app.
EXCLUDED_PYTHON_MODULES = (
    "tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2", "IPython", "matplotlib", "numpy", "pandas",
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "PyInstaller", "pydoc_data",
    "lib2to3", "unittest", "psutil",
    # Pillow's AVIF codec alone is 5 MB of libraries; its Tk and Qt bridges pull in other toolkits.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL.ImageTk", "PIL._imagingtk", "PIL.ImageQt",
    # Nor does the sandbox read or write WebP, or convert colour profiles (Pillow skips a plugin
    # that fails to import).
    "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms", "PIL.ImageCms",
    # PyYAML: only uvicorn's optional log-config-from-a-.yaml-file path imports it (0.4 MB).
    "yaml", "_yaml",
    # East Asian codecs (0.9 MB): Lok Desk reads and writes UTF-8, and Latin-1/cp1252 for a directory
    # import (pure-Python charmap codecs, kept).
    "_codecs_jp", "_codecs_kr", "_codecs_cn", "_codecs_hk", "_codecs_tw", "_codecs_iso2022",
)

HIDDEN_IMPORTS = (
    # The Qt modules the desk uses, named so their PyInstaller hooks (plugins, translations) always
    # run, even if the app only imports one of them inside a function.
    "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtPrintSupport",
    # Charts (Insights, Reports), imported on first show by lok_desk/desk/kit/charts.py: about 3.3 MB
    # (libQt6Charts + its binding); docs/decisions.md, "Charts".
    "PySide6.QtCharts",
    "qasync",
    # QR codes and label images of the sandbox.
    "segno", "PIL.Image", "PIL.PngImagePlugin", "PIL.JpegImagePlugin",
    # Lazily imported by uvicorn (the embedded Lok sandbox): its "auto" choices resolve at run time by
    # name, so PyInstaller cannot see them. Without httptools/uvloop/websockets installed, auto
    # means h11 and asyncio.
    "uvicorn.logging",
    "uvicorn.loops", "uvicorn.loops.auto", "uvicorn.loops.asyncio",
    "uvicorn.protocols", "uvicorn.protocols.http", "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.protocols.websockets", "uvicorn.protocols.websockets.auto",
    "uvicorn.lifespan", "uvicorn.lifespan.on", "uvicorn.lifespan.off",
    # keyring picks its backend through entry points at run time.
    "keyring.backends.SecretService", "keyring.backends.kwallet", "keyring.backends.libsecret",
    "keyring.backends.Windows", "keyring.backends.macOS", "keyring.backends.chainer",
    "keyring.backends.fail", "keyring.backends.null",
    # The generated Qt resource module is imported inside a function; name it so it is never missed.
    "lok_desk.desk._generated.resources_rc",
    # The other commands (COMMANDS), imported by name in the entry script.
    "lok_desk.sandbox.cli", "lok_desk.api.check",
)

# Distribution metadata read at run time through importlib.metadata (entry points, versions).
COPY_METADATA = ("keyring", "lok-desk", "fastapi", "pydantic", "uvicorn", "starlette", "segno")

# Qt plugins kept, by folder under Qt/plugins; everything else the PySide6 hooks collect is dropped.
# None means "the whole folder".
KEPT_QT_PLUGINS: dict[str, tuple[str, ...] | None] = {
    "platforms": ("qoffscreen", "qxcb", "qwayland", "qwindows", "qcocoa", "qminimal"),
    # Not qgtk3: it would drag a copy of GTK into the bundle that clashes with the desktop's own.
    "platformthemes": ("qxdgdesktopportal",),
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    "imageformats": ("qsvg", "qjpeg", "qgif", "qico"),
    "iconengines": ("qsvgicon",),
    "printsupport": None,
    "styles": None,  # Windows' native style lives here
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
}

# Libraries left to the desktop (Linux), as the PySide6 wheels themselves do: the window system,
# fonts, D-Bus and printing must match the running system's servers and configuration (a bundled
# fontconfig misreads a newer fonts.conf; a bundled libcups drags in gnutls and Kerberos). Matched
# only against libraries taken from the build machine, never against copies a wheel ships.
SYSTEM_LIBRARIES = (
    "libX11.so.*", "libX11-xcb.so.*", "libxcb*.so.*", "libxkbcommon.so.*", "libxkbcommon-x11.so.*",
    "libwayland-*.so.*", "libfontconfig.so.*", "libfreetype.so.*", "libdbus-1.so.*", "libcups.so.*",
)

# Qt's own translations (file dialogs, message-box buttons) for the languages the desk ships.
# The translations work will extend this; everything else is dropped.
KEPT_QT_TRANSLATION_LANGUAGES = ("en", "es")
