pub struct Refresh {
    refresh_token: Secret,
    realm: String,
    client_id: String,
    session: Option<Secret>,
}
#[automatically_derived]
impl ::core::default::Default for Refresh
where
    for<'__a> Refresh: ::auth_core::fields::LoginHasNoDefault,
{
    fn default() -> Self {
        <Refresh as ::auth_core::fields::LoginHasNoDefault>::__never()
    }
}
#[automatically_derived]
impl ::core::fmt::Debug for Refresh {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(Refresh))
            .field("grant_type", &::core::format_args!("{}", "\"refresh_token\""))
            .field("lang", &::core::format_args!("{}", "\"en\""))
            .field(
                ::core::stringify!(refresh_token),
                &::core::format_args!("[REDACTED]"),
            )
            .field(
                ::core::stringify!(realm),
                (&::auth_core::fields::ShownField(&self.realm)).__shown(),
            )
            .field(
                ::core::stringify!(client_id),
                (&::auth_core::fields::ShownField(&self.client_id)).__shown(),
            )
            .field(
                ::core::stringify!(session),
                &::core::option::Option::map(
                    ::core::option::Option::as_ref(&self.session),
                    |_| ::core::format_args!("[REDACTED]"),
                ),
            )
            .finish()
    }
}
impl Refresh {
    /// Starts building this login request.
    pub fn builder() -> RefreshBuilder {
        RefreshBuilder {
            refresh_token: ::auth_core::builder::Unset,
            realm: ::auth_core::builder::Unset,
            client_id: ::auth_core::builder::Unset,
            session: ::core::option::Option::None,
        }
    }
    #[doc(hidden)]
    pub fn send(
        &self,
        client: &::auth_core::LoginClient,
    ) -> ::auth_core::__private::NoBaseUrl<TokenResponse>
    where
        for<'__any> Self: ::auth_core::DeclaredBaseUrl,
    {
        let _ = client;
        ::auth_core::__private::NoBaseUrl::new(
            <Self as ::auth_core::LoginEndpoint>::SPEC,
        )
    }
    /// Logs in at `base_url`, the host of the Example IdP installation to log in to; the endpoint's path is appended to it.
    ///
    /// Example IdP has no single documented host, so a login is always sent with its base URL.
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub fn send_to<'__a>(
        &'__a self,
        client: &'__a ::auth_core::LoginClient,
        base_url: &'__a str,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ::auth_core::Session<TokenResponse>,
            ::auth_core::AuthError,
        >,
    > + ::core::marker::Send + '__a {
        ::auth_core::__private::send(
            client,
            self,
            ::core::option::Option::Some(base_url),
        )
    }
}
/// Builds a [`Refresh`]: call the setter of every required field (`refresh_token`, `realm`, `client_id`) once, then [`build`](RefreshBuilder::build).
///
/// Each type parameter, named after a required field, is [`Unset`](::auth_core::builder::Unset) until its setter is called and [`Set`](::auth_core::builder::Set) after.
///
/// An optional field has two setters, as in `bon`: `session(value)` sets it, and `maybe_session(option)` takes an `Option`, where `None` leaves it unset. They may be called again; the last call wins.
#[must_use = "a builder does nothing until `build()` is called"]
#[allow(non_camel_case_types)]
pub struct RefreshBuilder<
    refresh_token = ::auth_core::builder::Unset,
    realm = ::auth_core::builder::Unset,
    client_id = ::auth_core::builder::Unset,
> {
    refresh_token: refresh_token,
    realm: realm,
    client_id: client_id,
    session: Option<Secret>,
}
/// The states of [`RefreshBuilder`]'s required fields.
#[doc(hidden)]
#[allow(non_snake_case, non_camel_case_types)]
pub mod __RefreshBuilder_states {
    #[diagnostic::on_unimplemented(
        message = "`Refresh` cannot be built yet: the required field `refresh_token` is not set",
        label = "`refresh_token` is not set",
        note = "call `.refresh_token(...)` on the builder before `.build()`"
    )]
    pub trait refresh_token_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> refresh_token_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `refresh_token` is already set",
        label = "`refresh_token` was set by an earlier `.refresh_token(...)`",
        note = "a setter is called once; remove one of the `.refresh_token(...)` calls"
    )]
    pub trait refresh_token_is_unset {}
    #[diagnostic::do_not_recommend]
    impl refresh_token_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Refresh` cannot be built yet: the required field `realm` is not set",
        label = "`realm` is not set",
        note = "call `.realm(...)` on the builder before `.build()`"
    )]
    pub trait realm_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> realm_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `realm` is already set",
        label = "`realm` was set by an earlier `.realm(...)`",
        note = "a setter is called once; remove one of the `.realm(...)` calls"
    )]
    pub trait realm_is_unset {}
    #[diagnostic::do_not_recommend]
    impl realm_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Refresh` cannot be built yet: the required field `client_id` is not set",
        label = "`client_id` is not set",
        note = "call `.client_id(...)` on the builder before `.build()`"
    )]
    pub trait client_id_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> client_id_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `client_id` is already set",
        label = "`client_id` was set by an earlier `.client_id(...)`",
        note = "a setter is called once; remove one of the `.client_id(...)` calls"
    )]
    pub trait client_id_is_unset {}
    #[diagnostic::do_not_recommend]
    impl client_id_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Refresh` is sent once built: call `.build()` first",
        label = "this is `Refresh`'s builder, not a `Refresh`",
        note = "call `.build()` after the setters: `Refresh::builder()...build().send(&client)`"
    )]
    pub trait call_build_first {}
    #[doc(hidden)]
    pub enum __Never {}
    #[diagnostic::do_not_recommend]
    impl call_build_first for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`Refresh` is already built: `.build()` is a method of its builder",
        label = "this is a `Refresh`, made by `.build()`",
        note = "remove this `.build()`; a `Refresh` is sent with `.send(&client)` or `.send_to(&client, base_url)`"
    )]
    pub trait already_built {}
    #[diagnostic::do_not_recommend]
    impl already_built for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.build()` returns the `Refresh` itself, not a `Result`: there is nothing to unwrap",
        label = "this is a `Refresh`",
        note = "remove this call: `.build()` compiles only once every required field is set, so it cannot fail"
    )]
    pub trait build_cannot_fail {}
    #[diagnostic::do_not_recommend]
    impl build_cannot_fail for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`grant_type` is a constant of `Refresh`: it has no setter",
        label = "`grant_type` is sent as declared in `#[login_endpoint(...)]`",
        note = "remove this call; for a value each caller gives, declare `grant_type` as a field instead of a constant"
    )]
    pub trait grant_type_is_a_constant {}
    #[diagnostic::do_not_recommend]
    impl grant_type_is_a_constant for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`Refresh`'s builder has no setter `.sso_session(...)`: `sso_session` is where the field `session` is sent",
        label = "call the setter named after the field: `.session(...)`",
        note = "setters are named after the struct's fields; `#[login(...)]` says where each is sent"
    )]
    pub trait sso_session_is_where_a_field_is_sent {}
    #[diagnostic::do_not_recommend]
    impl sso_session_is_where_a_field_is_sent for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.refresh_token(...)` is a setter of `Refresh`'s builder, not of a built `Refresh`",
        label = "`Refresh` is already built here",
        note = "call `.refresh_token(...)` before `.build()`: `Refresh::builder()...refresh_token(...)...build()`"
    )]
    pub trait refresh_token_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl refresh_token_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.realm(...)` is a setter of `Refresh`'s builder, not of a built `Refresh`",
        label = "`Refresh` is already built here",
        note = "call `.realm(...)` before `.build()`: `Refresh::builder()...realm(...)...build()`"
    )]
    pub trait realm_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl realm_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.client_id(...)` is a setter of `Refresh`'s builder, not of a built `Refresh`",
        label = "`Refresh` is already built here",
        note = "call `.client_id(...)` before `.build()`: `Refresh::builder()...client_id(...)...build()`"
    )]
    pub trait client_id_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl client_id_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.session(...)` is a setter of `Refresh`'s builder, not of a built `Refresh`",
        label = "`Refresh` is already built here",
        note = "call `.session(...)` before `.build()`: `Refresh::builder()...session(...)...build()`"
    )]
    pub trait session_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl session_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.maybe_session(...)` is a setter of `Refresh`'s builder, not of a built `Refresh`",
        label = "`Refresh` is already built here",
        note = "call `.maybe_session(...)` before `.build()`: `Refresh::builder()...maybe_session(...)...build()`"
    )]
    pub trait maybe_session_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl maybe_session_is_set_before_build for __Never {}
}
#[doc(hidden)]
pub trait RefreshSetters {
    #[doc(hidden)]
    fn refresh_token<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::refresh_token_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn realm<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::realm_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn client_id<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::client_id_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn session<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::session_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn maybe_session<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::maybe_session_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn build(&mut self) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::already_built,
    {
        self
    }
    #[doc(hidden)]
    fn unwrap(&mut self) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::build_cannot_fail,
    {
        self
    }
    #[doc(hidden)]
    fn expect(&mut self, message: &str) -> &mut Self
    where
        for<'__any> Self: __RefreshBuilder_states::build_cannot_fail,
    {
        let _ = message;
        self
    }
}
impl RefreshSetters for Refresh {}
#[allow(non_camel_case_types)]
impl<refresh_token, realm, client_id> RefreshBuilder<refresh_token, realm, client_id> {
    /// Sets `refresh_token` (required; once).
    pub fn refresh_token(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> RefreshBuilder<::auth_core::builder::Set<Secret>, realm, client_id>
    where
        refresh_token: __RefreshBuilder_states::refresh_token_is_unset,
    {
        RefreshBuilder {
            refresh_token: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            realm: self.realm,
            client_id: self.client_id,
            session: self.session,
        }
    }
    /// Sets `realm` (required; once).
    pub fn realm(
        self,
        value: impl ::auth_core::builder::FieldValue<String>,
    ) -> RefreshBuilder<refresh_token, ::auth_core::builder::Set<String>, client_id>
    where
        realm: __RefreshBuilder_states::realm_is_unset,
    {
        RefreshBuilder {
            refresh_token: self.refresh_token,
            realm: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            client_id: self.client_id,
            session: self.session,
        }
    }
    /// Sets `client_id` (required; once).
    pub fn client_id(
        self,
        value: impl ::auth_core::builder::FieldValue<String>,
    ) -> RefreshBuilder<refresh_token, realm, ::auth_core::builder::Set<String>>
    where
        client_id: __RefreshBuilder_states::client_id_is_unset,
    {
        RefreshBuilder {
            refresh_token: self.refresh_token,
            realm: self.realm,
            client_id: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            session: self.session,
        }
    }
    /// Sets `session` (optional; left out of the request when not set).
    pub fn session(
        mut self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> Self {
        self.session = ::core::option::Option::Some(
            ::auth_core::builder::FieldValue::into_field(value),
        );
        self
    }
    /// Sets `session` from an `Option`: `None` leaves it out of the request, as if [`session`](Self::session) were not called.
    pub fn maybe_session(mut self, value: ::core::option::Option<Secret>) -> Self {
        self.session = value;
        self
    }
    /// Builds the request. Available once every required field is set.
    pub fn build(self) -> Refresh
    where
        refresh_token: __RefreshBuilder_states::refresh_token_is_set<Value = Secret>,
        realm: __RefreshBuilder_states::realm_is_set<Value = String>,
        client_id: __RefreshBuilder_states::client_id_is_set<Value = String>,
    {
        Refresh {
            refresh_token: <refresh_token as __RefreshBuilder_states::refresh_token_is_set>::__value(
                self.refresh_token,
            ),
            realm: <realm as __RefreshBuilder_states::realm_is_set>::__value(self.realm),
            client_id: <client_id as __RefreshBuilder_states::client_id_is_set>::__value(
                self.client_id,
            ),
            session: self.session,
        }
    }
    #[doc(hidden)]
    pub fn send(
        self,
        client: &::auth_core::LoginClient,
    ) -> ::auth_core::__private::NotBuilt<TokenResponse>
    where
        for<'__any> Self: __RefreshBuilder_states::call_build_first,
    {
        let _ = client;
        ::auth_core::__private::NotBuilt::new("Refresh")
    }
    #[doc(hidden)]
    pub fn send_to(
        self,
        client: &::auth_core::LoginClient,
        base_url: &str,
    ) -> ::auth_core::__private::NotBuilt<TokenResponse>
    where
        for<'__any> Self: __RefreshBuilder_states::call_build_first,
    {
        let _ = (client, base_url);
        ::auth_core::__private::NotBuilt::new("Refresh")
    }
    #[doc(hidden)]
    pub fn grant_type<__V>(self, value: __V) -> Self
    where
        for<'__any> Self: __RefreshBuilder_states::grant_type_is_a_constant,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    #[allow(non_snake_case)]
    pub fn sso_session(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> Self
    where
        for<'__any> Self: __RefreshBuilder_states::sso_session_is_where_a_field_is_sent,
    {
        self.session(value)
    }
}
#[diagnostic::do_not_recommend]
#[allow(non_camel_case_types)]
impl<refresh_token, realm, client_id> ::auth_core::DeclaredBaseUrl
for RefreshBuilder<refresh_token, realm, client_id> {}
#[automatically_derived]
#[allow(non_camel_case_types)]
impl<
    refresh_token: ::core::fmt::Debug,
    realm: ::core::fmt::Debug,
    client_id: ::core::fmt::Debug,
> ::core::fmt::Debug for RefreshBuilder<refresh_token, realm, client_id> {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(RefreshBuilder))
            .field(::core::stringify!(refresh_token), &self.refresh_token)
            .field(::core::stringify!(realm), &self.realm)
            .field(::core::stringify!(client_id), &self.client_id)
            .field(
                ::core::stringify!(session),
                (&::auth_core::fields::ShownField(&self.session)).__shown(),
            )
            .finish()
    }
}
#[automatically_derived]
impl ::auth_core::__private::LoginRequest for Refresh {
    fn __describe<'__a>(
        &'__a self,
        __parts: &mut ::auth_core::__private::RequestParts<'__a>,
    ) {
        __parts
            .form(
                "refresh_token",
                <Secret as ::auth_core::TextValue>::__as_dyn(&self.refresh_token),
                true,
            );
        __parts
            .path(
                "realm",
                <String as ::auth_core::TextValue>::__as_dyn(&self.realm),
                false,
            );
        __parts
            .form(
                "client_id",
                <String as ::auth_core::TextValue>::__as_dyn(&self.client_id),
                false,
            );
        __parts
            .cookie(
                "sso_session",
                <Option<Secret> as ::auth_core::TextValue>::__as_dyn(&self.session),
                true,
            );
    }
    fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
        __secret(::auth_core::Secret::expose_secret(&self.refresh_token));
        if let ::core::option::Option::Some(__value) = &self.session {
            __secret(::auth_core::Secret::expose_secret(__value));
        }
    }
}
const _: () = ::core::assert!(
    << Refresh as ::auth_core::RefreshEndpoint > ::Login as ::auth_core::LoginEndpoint >
    ::SPEC.__reads_refresh_token(),
    "`Login` reads no refresh token from its answer, so `Refresh` is never sent: declare where the answer holds it, `refresh_token = refresh_token` (a path, `header(\"...\")` or `cookie(\"...\")`) in `Login`'s `#[login_endpoint(...)]`",
);
#[automatically_derived]
impl ::auth_core::RefreshEndpoint for Refresh {
    type Login = <Login as ::auth_core::LoginEndpoint>::Itself;
    fn for_refresh_token(
        __login: &Self::Login,
        __refresh_token: &::auth_core::Secret,
    ) -> Self {
        Refresh {
            refresh_token: ::core::clone::Clone::clone(__refresh_token),
            realm: {
                let __from: &String = &__login.realm;
                ::core::clone::Clone::clone(__from)
            },
            client_id: {
                let __from: &String = &__login.client;
                ::core::clone::Clone::clone(__from)
            },
            session: {
                let __from: &Option<Secret> = &__login.session;
                ::core::clone::Clone::clone(__from)
            },
        }
    }
}
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl ::auth_core::LoginEndpoint for Refresh {
    type Response = TokenResponse;
    type ErrorBody = ::auth_core::NoErrorBody;
    type Itself = Self;
    const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::EndpointSpec::__new(
        "Example IdP",
        ::auth_core::Method::Post,
        ::core::option::Option::None,
        "/realms/{realm}/token",
        ::auth_core::BodyFormat::Form,
        ::core::option::Option::Some("application/x-www-form-urlencoded"),
        &[],
        &[],
        &[("grant_type", "refresh_token")],
        &[("lang", "en")],
        &[],
        ::auth_core::LifetimePolicy {
            fixed: ::core::option::Option::None,
            idle: ::core::option::Option::None,
        },
        ::core::option::Option::None,
        ::auth_core::ResponseSpec::__new(
            "TokenResponse",
            ::auth_core::Source::Body("access_token"),
            ::core::option::Option::Some(::auth_core::Source::Body("refresh_token")),
            ::core::option::Option::Some(
                ::auth_core::Expiry::In(
                    ::auth_core::Source::Body("expires_in"),
                    ::auth_core::TimeUnit::Seconds,
                ),
            ),
            ::core::option::Option::None,
            ::auth_core::ErrorKind::Rejected,
        ),
    );
    fn __decode(
        __body: &[u8],
    ) -> ::core::result::Result<
        Self::Response,
        ::auth_core::__private::serde_json::Error,
    > {
        <TokenResponse as ::auth_core::ResponseBody>::__decode(__body)
    }
    fn __body_failed(__response: &Self::Response) -> bool {
        false
    }
    fn __credentials(
        __response: &Self::Response,
    ) -> ::auth_core::__private::BodyValues<'_> {
        ::auth_core::__private::BodyValues {
            token: {
                let __v = &__response.access_token;
                ::auth_core::fields::TokenField::token(__v)
            },
            refresh_token: {
                let __v = &__response.refresh_token;
                ::auth_core::fields::TokenField::token(__v)
            },
            expiry: {
                let __v = &__response.expires_in;
                ::auth_core::fields::TimeNumberField::expiry_value(__v)
            },
            refresh_expiry: ::auth_core::__private::ExpiryValue::Absent,
        }
    }
}
