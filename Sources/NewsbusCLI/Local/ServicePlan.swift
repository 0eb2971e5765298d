import NewsbusTransport

/// One service process of a local pipeline: which executable, its flags, and where it answers status.
struct ServicePlan: Sendable {
    let name: String
    let executable: String
    let arguments: [String]
    let status: EndpointSpec
}
