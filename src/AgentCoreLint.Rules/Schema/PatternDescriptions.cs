namespace AgentCoreLint.Rules.Schema;

/// <summary>
/// Plain-language descriptions of the service model's patterns, keyed by the model's pattern text, so a
/// pattern finding says what is expected and not only the regular expression. Patterns without an entry are
/// described generically.
/// </summary>
public static class PatternDescriptions
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["[a-zA-Z][a-zA-Z0-9_]{0,47}"] = "a letter followed by up to 47 letters, digits or underscores (no hyphens)",
        ["[a-zA-Z][a-zA-Z0-9_]{0,39}"] = "a letter followed by up to 39 letters, digits or underscores (no hyphens)",
        ["[a-zA-Z][a-zA-Z0-9_]{0,99}"] = "a letter followed by up to 99 letters, digits or underscores (no hyphens)",
        ["[A-Za-z][A-Za-z0-9_]*"] = "a letter followed by letters, digits or underscores (no hyphens)",
        ["[a-zA-Z][a-zA-Z0-9]{0,47}"] = "a letter followed by up to 47 letters or digits",
        ["arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+"] = "an IAM role ARN such as arn:aws:iam::123456789012:role/MyRole",
        ["arn:aws(-[^:]+)?:iam::[0-9]{12}:role/.+"] = "an IAM role ARN with a 12-digit account id, such as arn:aws:iam::123456789012:role/MyRole",
        ["(([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?|public\\.ecr\\.aws)/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@]{1,300}))?(?:@(.+))?"] =
            "an Amazon ECR image URI such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:1.0 (or public.ecr.aws/…), with a lowercase repository name",
        [".+/\\.well-known/openid-configuration"] = "an OpenID Connect discovery URL ending in /.well-known/openid-configuration",
        [".+/\\.well-known/(openid-configuration|oauth-authorization-server)"] = "a discovery URL ending in /.well-known/openid-configuration or /.well-known/oauth-authorization-server",
        ["subnet-[0-9a-zA-Z]{8,17}"] = "a subnet id: subnet- followed by 8 to 17 letters or digits",
        ["sg-[0-9a-zA-Z]{8,17}"] = "a security group id: sg- followed by 8 to 17 letters or digits",
        ["sg-(([0-9a-z]{8})|([0-9a-z]{17}))"] = "a security group id: sg- followed by 8 or 17 lowercase letters or digits",
        ["vpc-(([0-9a-z]{8})|([0-9a-z]{17}))"] = "a VPC id: vpc- followed by 8 or 17 lowercase letters or digits",
        ["/mnt/[a-zA-Z0-9._-]+/?"] = "a directory exactly one level below /mnt, such as /mnt/data",
        ["[a-zA-Z0-9\\s._:/=+@-]*"] = "letters, digits, spaces and the characters . _ : / = + @ -",
        ["[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"] = "an S3 bucket name: 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit",
        ["[A-Za-z][A-Za-z0-9_-]{0,255}"] = "an HTTP header name: a letter followed by letters, digits, underscores or hyphens",
        ["[a-zA-Z0-9-_]+"] = "letters, digits, hyphens or underscores",
        ["[a-zA-Z0-9\\-_]+"] = "letters, digits, hyphens or underscores",
        ["[a-zA-Z0-9_-]+"] = "letters, digits, hyphens or underscores",
        ["[a-zA-Z0-9._-]+"] = "letters, digits, dots, hyphens or underscores",
        ["[A-Za-z0-9_.-]+"] = "letters, digits, dots, hyphens or underscores",
        ["([1-9][0-9]{0,4})"] = "a version number from 1 to 99999",
        ["[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}"] = "a resource id: the resource name, a hyphen and a 10-character suffix",
        ["[a-zA-Z][a-zA-Z0-9_]{0,39}-[a-zA-Z0-9]{10}"] = "a harness id: the harness name, a hyphen and a 10-character suffix",
        ["https://.*"] = "an https:// URL",
        ["s3://.{1,2043}"] = "an s3:// URI",
        ["[0-9]{12}"] = "a 12-digit AWS account id",
        ["arn:(aws|aws-us-gov):secretsmanager:[A-Za-z0-9-]{1,64}:[0-9]{12}:secret:[a-zA-Z0-9-_/+=.@!]+"] = "an AWS Secrets Manager secret ARN",
        ["arn:aws(-[a-z-]+)?:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[a-zA-Z0-9/_+=.@-]+"] = "an AWS Secrets Manager secret ARN",
        ["arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:access-point/fsap-[0-9a-f]{8,40}"] = "an Amazon EFS access point ARN (…:access-point/fsap-…)",
        ["arn:aws[-a-z]*:s3files:[0-9a-z-:]+:file-system/fs-[0-9a-f]{17,40}/access-point/fsap-[0-9a-f]{17,40}"] = "an Amazon S3 Files access point ARN",
        ["arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}"] = "an AWS KMS key ARN",
        ["[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}"] = "letters and digits, optionally separated by hyphens",
        ["([0-9a-zA-Z][-]?){1,100}"] = "letters and digits, optionally separated by single hyphens",
        ["[A-Za-z0-9_.-:]+"] = "letters, digits and the characters _ . - / :",
    };

    /// <summary>Describes what a value matching <paramref name="pattern"/> looks like.</summary>
    /// <param name="pattern">The model's (unanchored) pattern text.</param>
    public static string Describe(string pattern) =>
        Known.TryGetValue(pattern, out var description) ? description : "a value matching the model's pattern";
}
