//! Stage 1: the attribute's arguments as darling reads them, before any checks.

use darling::ast::NestedMeta;
use darling::util::{Flag, SpannedValue};
use darling::{FromField, FromMeta};
use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Ident, LitInt, Token};

/// `#[login_endpoint(...)]`.
#[derive(Debug, FromMeta)]
pub struct EndpointArgs {
    pub vendor: SpannedValue<String>,
    pub base_url: SpannedValue<String>,
    pub path: SpannedValue<String>,
    #[darling(default)]
    pub method: Option<SpannedValue<String>>,
    #[darling(default)]
    pub content_type: Option<SpannedValue<String>>,
    #[darling(multiple)]
    pub header: Vec<HeaderArg>,
    pub response: syn::Path,
    pub token: FieldPath,
    #[darling(default)]
    pub refresh_token: Option<FieldPath>,
    #[darling(default)]
    pub expires_at: Option<FieldPath>,
    #[darling(default)]
    pub lifetime: Option<SpannedValue<String>>,
    #[darling(default)]
    pub idle_timeout: Option<SpannedValue<String>>,
    #[darling(default)]
    pub lockout: Option<SpannedValue<String>>,
    #[darling(default)]
    pub error_body: Option<syn::Path>,
    #[darling(default)]
    pub status: Option<StatusArms>,
    #[darling(default)]
    pub body_failure: Option<BodyFailureArg>,
}

impl EndpointArgs {
    pub fn parse(args: TokenStream) -> darling::Result<Self> {
        let items = NestedMeta::parse_meta_list(args)?;
        EndpointArgs::from_list(&items)
    }
}

/// `header(name = "...", value = "...")`.
#[derive(Debug, FromMeta)]
pub struct HeaderArg {
    pub name: SpannedValue<String>,
    pub value: SpannedValue<String>,
}

/// `body_failure(field = error)` or `body_failure(field = login_status, success = 7)`.
#[derive(Debug, FromMeta)]
pub struct BodyFailureArg {
    pub field: FieldPath,
    #[darling(default)]
    pub success: Option<Expr>,
}

/// A path of field names into the response type: `token`, `data.token`.
#[derive(Clone, Debug)]
pub struct FieldPath {
    pub segments: Vec<Ident>,
    pub span: Span,
}

impl FieldPath {
    pub fn dotted(&self) -> String {
        self.segments
            .iter()
            .map(Ident::to_string)
            .collect::<Vec<_>>()
            .join(".")
    }
}

impl FromMeta for FieldPath {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        fn collect(expr: &Expr, out: &mut Vec<Ident>) -> bool {
            match expr {
                Expr::Path(path) if path.qself.is_none() => match path.path.get_ident() {
                    Some(ident) => {
                        out.push(ident.clone());
                        true
                    }
                    None => false,
                },
                Expr::Field(field) => {
                    let syn::Member::Named(name) = &field.member else {
                        return false;
                    };
                    if !collect(&field.base, out) {
                        return false;
                    }
                    out.push(name.clone());
                    true
                }
                Expr::Group(group) => collect(&group.expr, out),
                _ => false,
            }
        }
        let mut segments = Vec::new();
        if collect(expr, &mut segments) {
            Ok(FieldPath {
                segments,
                span: expr.span(),
            })
        } else {
            Err(darling::Error::custom(
                "expected a path of field names into the response type, such as `token` or `data.token`",
            )
            .with_span(expr))
        }
    }
}

/// `status(400 => InvalidRequest, 401 | 404 => InvalidCredentials)`: darling's meta syntax
/// has no `=>`, so the list is parsed here.
#[derive(Debug)]
pub struct StatusArms {
    pub arms: Vec<StatusArm>,
}

#[derive(Debug)]
pub struct StatusArm {
    pub codes: Vec<LitInt>,
    pub kind: Ident,
}

impl Parse for StatusArm {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut codes = vec![input.parse::<LitInt>()?];
        while input.peek(Token![|]) {
            input.parse::<Token![|]>()?;
            codes.push(input.parse()?);
        }
        input.parse::<Token![=>]>()?;
        let kind = input.parse()?;
        Ok(StatusArm { codes, kind })
    }
}

impl FromMeta for StatusArms {
    fn from_meta(item: &syn::Meta) -> darling::Result<Self> {
        match item {
            syn::Meta::List(list) => {
                let arms = list
                    .parse_args_with(Punctuated::<StatusArm, Token![,]>::parse_terminated)
                    .map_err(|e| {
                        darling::Error::custom(format!(
                            "{e}; write `status(<code> => <ErrorKind>, ...)`, e.g. `status(401 => InvalidCredentials, 423 => Locked)`"
                        ))
                        .with_span(&e.span())
                    })?;
                Ok(StatusArms { arms: arms.into_iter().collect() })
            }
            _ => Err(darling::Error::custom(
                "write `status(<code> => <ErrorKind>, ...)`, e.g. `status(401 => InvalidCredentials, 423 => Locked)`",
            )
            .with_span(item)),
        }
    }
}

/// `#[login(...)]` on a field.
#[derive(Debug, FromField)]
#[darling(attributes(login))]
pub struct FieldArgs {
    pub ident: Option<Ident>,
    pub ty: syn::Type,
    #[darling(default)]
    pub secret: Flag,
    #[darling(default)]
    pub rename: Option<SpannedValue<String>>,
    #[darling(default)]
    pub header: Option<SpannedValue<String>>,
}
