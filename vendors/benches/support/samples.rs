//! The bodies the benchmarks decode and the loopback server answers: each vendor's documented
//! sample, with tokens of a realistic length (a JWT is a few hundred bytes; the documents show
//! placeholders).

// Each bench target uses a different part of this module.
#![allow(dead_code)]

/// The five vendors, in the order the tables list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vendor {
    Hypernative,
    ProjectThanos,
    Up2Money,
    Hyper3d,
    TalkStack,
}

impl Vendor {
    pub const ALL: [Vendor; 5] = [
        Vendor::Hypernative,
        Vendor::ProjectThanos,
        Vendor::Up2Money,
        Vendor::Hyper3d,
        Vendor::TalkStack,
    ];

    /// A short name for tables and benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Vendor::Hypernative => "hypernative",
            Vendor::ProjectThanos => "project_thanos",
            Vendor::Up2Money => "up2_money",
            Vendor::Hyper3d => "hyper3d",
            Vendor::TalkStack => "talkstack",
        }
    }

    /// The login path the vendor documents, appended to the base URL.
    pub fn path(self) -> &'static str {
        match self {
            Vendor::Hypernative | Vendor::Up2Money | Vendor::TalkStack => "/auth/login",
            Vendor::ProjectThanos => "/api/organizations/user-login/",
            Vendor::Hyper3d => "/user/login",
        }
    }

    /// The documented success body.
    pub fn success_body(self) -> &'static str {
        match self {
            Vendor::Hypernative => HYPERNATIVE_SUCCESS,
            Vendor::ProjectThanos => PROJECT_THANOS_SUCCESS,
            Vendor::Up2Money => UP2_MONEY_SUCCESS,
            Vendor::Hyper3d => HYPER3D_SUCCESS,
            Vendor::TalkStack => TALKSTACK_SUCCESS,
        }
    }

    /// A documented failure: its status and body. Hyper3D signals failures in a 200 body.
    pub fn error_response(self) -> (u16, &'static str) {
        match self {
            Vendor::Hypernative => (400, HYPERNATIVE_ERROR),
            Vendor::ProjectThanos => (401, PROJECT_THANOS_ERROR),
            Vendor::Up2Money => (400, UP2_MONEY_ERROR),
            Vendor::Hyper3d => (200, HYPER3D_ERROR),
            Vendor::TalkStack => (401, TALKSTACK_ERROR),
        }
    }
}

pub const EMAIL: &str = "some.user@example.com";
pub const PASSWORD: &str = "correct horse battery staple";
pub const API_SECRET: &str = "YWJjMTIzIQ==";
pub const ORGANIZATION_ID: u64 = 1;

const HYPERNATIVE_SUCCESS: &str = r#"{"data":{"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwib3JnIjoxLCJpYXQiOjE3MTAwMDAwMDAsImV4cCI6MTcxMDAwMzYwMH0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1zaWduYXR1cmUtb2YtdGhlLXRva2Vu","refreshToken":"rt_7f0c9a3b2e1d4c5b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b"}}"#;
const HYPERNATIVE_ERROR: &str = r#"{"success":false,"data":null,"error":"organizationId is mandatory","errorCode":1002,"version":"2.2.0","service":"hypernative-webapp-server"}"#;

const PROJECT_THANOS_SUCCESS: &str = r#"{"auth_token":"a0f17278bed479ee719ea890b8caf0329e1f3e5b","org_uuid":"e7409ece-e923-4aa8-a41b-4aacb9e475be","user_uuid":"3a7acb28-ab13-437e-8c35-46cf4f0bea49","retailer_uuid":"1d2e146c-a3df-4073-89c6-9ffc3061319c","supplier_uuid":"","org_type":"RETAILER"}"#;
// The document shows no error body; servers of this kind send a short JSON detail.
const PROJECT_THANOS_ERROR: &str = r#"{"detail":"Invalid username or password."}"#;

const UP2_MONEY_SUCCESS: &str = r#"{"credentials":{"id":"110753014462038038","type":"ROOT"},"identity":{"id":"110753014461513750","type":"CONSUMER"},"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZGVudGl0eSI6IjExMDc1MzAxNDQ2MTUxMzc1MCIsImlhdCI6MTcxMDAwMDAwMCwiZXhwIjoxNzEwMDAwMzAwfQ.dXAyLW1vbmV5LXNpZ25hdHVyZS1vZi10aGUtdG9rZW4","tokenType":"ACCESS"}"#;
const UP2_MONEY_ERROR: &str =
    r#"{"response":{"errorCode":"TOKEN_EXPIRED"},"message":"Login failed."}"#;

const HYPER3D_SUCCESS: &str = r#"{"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX3V1aWQiOiI1YjJjNGUzYS0xZDJlLTRmNWEtOGI5Yy0wZDFlMmYzYTRiNWMiLCJpYXQiOjE3MTAwMDAwMDB9.aHlwZXIzZC1zaWduYXR1cmUtb2YtdGhlLXRva2Vu","user_uuid":"5b2c4e3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c","username":"someuser","avatar_url":"https://hyperhuman.deemos.com/avatars/5b2c4e3a.png","email":"some.user@example.com"}"#;
const HYPER3D_ERROR: &str = r#"{"error":"invalid email or password"}"#;

const TALKSTACK_SUCCESS: &str = r#"{"message":"successfully logged in.","status":"success","token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJlbWFpbCI6InNvbWUudXNlckBleGFtcGxlLmNvbSIsImlhdCI6MTc0MTcwNDE3OH0.dGFsa3N0YWNrLXNpZ25hdHVyZS1vZi10aGUtdG9rZW4","refreshToken":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXBlIjoicmVmcmVzaCIsImlhdCI6MTc0MTcwNDE3OH0.cmVmcmVzaC1zaWduYXR1cmU","expirationTime":"2025-03-11T17:49:38.925Z","user":{"email":"some.user@example.com","name":"John","active_project":null,"created_at":"2025-03-05T11:04:49.875Z","updated_at":"2025-03-05T11:06:02.837Z","company_name":null},"loginStatus":7}"#;
const TALKSTACK_ERROR: &str = r#"{"message":"Invalid password","status":"error","loginStatus":4}"#;
