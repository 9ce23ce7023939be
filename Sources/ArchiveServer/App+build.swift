import Hummingbird
import Logging
import MediaArchive

/// Where the server listens; loopback unless told otherwise.
public struct ServerAddress: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The whole web app over one archive. `logLevel`: `serve` logs every
/// request (info); the tests ask for warnings only, so their output is their results. `facts`: who
/// opens uploads — `serve` passes its `WorkerPool`; in process by default (route tests).
public func buildApplication(settings: ArchiveSettings, address: ServerAddress = ServerAddress(),
                             metrics: ServiceMetrics = ServiceMetrics(),
                             logLevel: Logger.Level = .info, facts: any FactsSource = InProcessFacts(),
                             backends: StorageBackends = StorageBackends()) -> some ApplicationProtocol {
    var logger = Logger(label: "media-archive")
    logger.logLevel = logLevel
    return Application(
        router: buildRouter(settings: settings, metrics: metrics, facts: facts, backends: backends),
        configuration: .init(address: .hostname(address.host, port: address.port), serverName: "media-archive"),
        logger: logger
    )
}

/// Every route, one controller per resource. The page templates are parsed here, once.
/// `backends`: where the objects and entries are (`serve --store … --catalogue …`); the
/// archive folder's own by default.
public func buildRouter(settings: ArchiveSettings, metrics: ServiceMetrics = ServiceMetrics(),
                        facts: any FactsSource = InProcessFacts(),
                        backends: StorageBackends = StorageBackends()) -> Router<ArchiveRequestContext> {
    let router = Router(context: ArchiveRequestContext.self)
    router.addMiddleware { LogRequestsMiddleware(.info) }
    router.addMiddleware { RequestMetricsMiddleware(metrics: metrics) }
    router.addMiddleware { LanguageCookieMiddleware() }
    router.addMiddleware { CrossSiteGuard() }
    let access = Access(settings: settings, backends: backends)
    router.addMiddleware { ViewerMiddleware(access: access) }
    let pages = PageRenderer()
    AssetController<ArchiveRequestContext>(assets: pages.assets).addRoutes(to: router)
    CheckController<ArchiveRequestContext>(policy: settings.policy, pages: pages, metrics: metrics, facts: facts).addRoutes(to: router)
    AccessController<ArchiveRequestContext>(access: access, pages: pages).addRoutes(to: router)
    SearchController<ArchiveRequestContext>(settings: settings, access: access, pages: pages, backends: backends).addRoutes(to: router)
    // The gallery: counties, items, their files.
    let lookup = ItemLookup(catalog: backends.catalog(settings), access: access)
    let files = StoredFileResponse(store: backends.objectStore(for: settings))
    CountiesController<ArchiveRequestContext>(settings: settings, access: access, pages: pages, backends: backends)
        .addRoutes(to: router)
    ItemController<ArchiveRequestContext>(lookup: lookup, counties: settings.counties, pages: pages).addRoutes(to: router)
    MediaController<ArchiveRequestContext>(lookup: lookup, files: files).addRoutes(to: router)
    ThumbnailController<ArchiveRequestContext>(lookup: lookup, files: files).addRoutes(to: router)
    IngestController<ArchiveRequestContext>(settings: settings, access: access, pages: pages, metrics: metrics, facts: facts,
                                            backends: backends)
        .addRoutes(to: router)
    // The hand-in (issue 12): counties hand in their own round, clerks mark and reopen.
    let handIn = HandInController<ArchiveRequestContext>(settings: settings, access: access, metrics: metrics, facts: facts,
                                                         backends: backends)
    handIn.addRoutes(to: router)
    let forms = FormsController<ArchiveRequestContext>(settings: settings, access: access, backends: backends)
    forms.addRoutes(to: router)
    MarksController<ArchiveRequestContext>(settings: settings, access: access, backends: backends).addRoutes(to: router)
    PortalController<ArchiveRequestContext>(settings: settings, access: access, pages: pages, handIn: handIn, backends: backends)
        .addRoutes(to: router)
    PortalFormsController<ArchiveRequestContext>(settings: settings, access: access, pages: pages, forms: forms).addRoutes(to: router)
    BoardController<ArchiveRequestContext>(settings: settings, access: access, pages: pages, backends: backends).addRoutes(to: router)
    // Service routes (issue 13): plain JSON, no token, nothing about the archive's contents.
    HealthController<ArchiveRequestContext>(health: ArchiveHealth(root: settings.root)).addRoutes(to: router)
    MetricsController<ArchiveRequestContext>(metrics: metrics).addRoutes(to: router)
    return router
}
