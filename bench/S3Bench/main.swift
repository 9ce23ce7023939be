// s3-bench: one S3Store upload or download, for bench/s3-vs-awscli to time against awscli.
//
//   s3-bench upload FILE BUCKET KEY
//   s3-bench download BUCKET KEY FILE
//
// The store comes from MEDIA_ARCHIVE_S3_ENDPOINT and the AWS_* variables. Prints the size
// and the SHA-256 S3Store computed while moving the bytes.
import Foundation
import S3Store

let arguments = CommandLine.arguments.dropFirst()
do {
    let client = S3Client(configuration: try S3Configuration.fromEnvironment())
    let words = Array(arguments)
    switch (words.first, words.count) {
    case ("upload", 4):
        let (file, bucket, key) = (words[1], words[2], words[3])
        let uploaded = try await client.upload(file: file, bucket: bucket, key: key)
        print("uploaded \(uploaded.size) bytes in \(uploaded.parts) parts, sha256 \(uploaded.sha256)")
    case ("download", 4):
        let (bucket, key, file) = (words[1], words[2], words[3])
        let downloaded = try await client.download(bucket: bucket, key: key, to: file)
        print("downloaded \(downloaded.bytes) bytes, sha256 \(downloaded.sha256)")
    default:
        FileHandle.standardError.write(Data("usage: s3-bench upload FILE BUCKET KEY | download BUCKET KEY FILE\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
