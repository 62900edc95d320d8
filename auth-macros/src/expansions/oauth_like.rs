pub struct Login {
    realm: String,
    client_id: String,
    client_secret: Secret,
    api_key: Secret,
    username: String,
    password: Secret,
    acr: Option<String>,
}
#[automatically_derived]
impl ::core::fmt::Debug for Login {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        __f.debug_struct(::core::stringify!(Login))
            .field("grant_type", &::core::format_args!("{}", "\"password\""))
            .field("scope", &::core::format_args!("{}", "[\"openid\", \"email\"]"))
            .field("version", &::core::format_args!("{}", "2"))
            .field(::core::stringify!(realm), &self.realm)
            .field(::core::stringify!(client_id), &self.client_id)
            .field(
                ::core::stringify!(client_secret),
                &::core::format_args!("[REDACTED]"),
            )
            .field(::core::stringify!(api_key), &::core::format_args!("[REDACTED]"))
            .field(::core::stringify!(username), &self.username)
            .field(::core::stringify!(password), &::core::format_args!("[REDACTED]"))
            .field(::core::stringify!(acr), &self.acr)
            .finish()
    }
}
impl Login {
    /// Starts building this login request.
    pub fn builder() -> LoginBuilder {
        LoginBuilder {
            realm: ::auth_core::__private::Unset,
            client_id: ::auth_core::__private::Unset,
            client_secret: ::auth_core::__private::Unset,
            api_key: ::auth_core::__private::Unset,
            username: ::auth_core::__private::Unset,
            password: ::auth_core::__private::Unset,
            acr: ::core::option::Option::None,
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
/// Builds a [`Login`]: call the setter of every required field (`realm`, `client_id`, `client_secret`, `api_key`, `username`, `password`), then [`build`](LoginBuilder::build).
///
/// An optional field has two setters, as in `bon`: `acr(value)` sets it, and `maybe_acr(option)` takes an `Option`, where `None` leaves it unset.
#[must_use = "a builder does nothing until `build()` is called"]
pub struct LoginBuilder<
    __S0 = ::auth_core::__private::Unset,
    __S1 = ::auth_core::__private::Unset,
    __S2 = ::auth_core::__private::Unset,
    __S3 = ::auth_core::__private::Unset,
    __S4 = ::auth_core::__private::Unset,
    __S5 = ::auth_core::__private::Unset,
> {
    realm: __S0,
    client_id: __S1,
    client_secret: __S2,
    api_key: __S3,
    username: __S4,
    password: __S5,
    acr: Option<String>,
}
const _: () = {
    pub mod __state {
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `realm` is not set",
            label = "`realm` is not set",
            note = "call `.realm(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait realm {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> realm for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `client_id` is not set",
            label = "`client_id` is not set",
            note = "call `.client_id(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait client_id {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> client_id for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `client_secret` is not set",
            label = "`client_secret` is not set",
            note = "call `.client_secret(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait client_secret {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> client_secret for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `api_key` is not set",
            label = "`api_key` is not set",
            note = "call `.api_key(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait api_key {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> api_key for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `username` is not set",
            label = "`username` is not set",
            note = "call `.username(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait username {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> username for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
        #[diagnostic::on_unimplemented(
            message = "`Login` cannot be built yet: the required field `password` is not set",
            label = "`password` is not set",
            note = "call `.password(...)` on the builder before `.build()`"
        )]
        #[allow(non_camel_case_types)]
        pub trait password {
            #[doc(hidden)]
            type Value;
            #[doc(hidden)]
            fn __value(self) -> Self::Value;
        }
        impl<__T> password for ::auth_core::__private::Set<__T> {
            type Value = __T;
            fn __value(self) -> __T {
                self.0
            }
        }
    }
    impl<
        __S1,
        __S2,
        __S3,
        __S4,
        __S5,
    > LoginBuilder<::auth_core::__private::Unset, __S1, __S2, __S3, __S4, __S5> {
        /// Sets `realm` (required).
        pub fn realm(
            self,
            value: impl ::core::convert::Into<String>,
        ) -> LoginBuilder<
            ::auth_core::__private::Set<String>,
            __S1,
            __S2,
            __S3,
            __S4,
            __S5,
        > {
            LoginBuilder {
                realm: ::auth_core::__private::Set(::core::convert::Into::into(value)),
                client_id: self.client_id,
                client_secret: self.client_secret,
                api_key: self.api_key,
                username: self.username,
                password: self.password,
                acr: self.acr,
            }
        }
    }
    impl<
        __S0,
        __S2,
        __S3,
        __S4,
        __S5,
    > LoginBuilder<__S0, ::auth_core::__private::Unset, __S2, __S3, __S4, __S5> {
        /// Sets `client_id` (required).
        pub fn client_id(
            self,
            value: impl ::core::convert::Into<String>,
        ) -> LoginBuilder<
            __S0,
            ::auth_core::__private::Set<String>,
            __S2,
            __S3,
            __S4,
            __S5,
        > {
            LoginBuilder {
                realm: self.realm,
                client_id: ::auth_core::__private::Set(
                    ::core::convert::Into::into(value),
                ),
                client_secret: self.client_secret,
                api_key: self.api_key,
                username: self.username,
                password: self.password,
                acr: self.acr,
            }
        }
    }
    impl<
        __S0,
        __S1,
        __S3,
        __S4,
        __S5,
    > LoginBuilder<__S0, __S1, ::auth_core::__private::Unset, __S3, __S4, __S5> {
        /// Sets `client_secret` (required).
        pub fn client_secret(
            self,
            value: impl ::core::convert::Into<Secret>,
        ) -> LoginBuilder<
            __S0,
            __S1,
            ::auth_core::__private::Set<Secret>,
            __S3,
            __S4,
            __S5,
        > {
            LoginBuilder {
                realm: self.realm,
                client_id: self.client_id,
                client_secret: ::auth_core::__private::Set(
                    ::core::convert::Into::into(value),
                ),
                api_key: self.api_key,
                username: self.username,
                password: self.password,
                acr: self.acr,
            }
        }
    }
    impl<
        __S0,
        __S1,
        __S2,
        __S4,
        __S5,
    > LoginBuilder<__S0, __S1, __S2, ::auth_core::__private::Unset, __S4, __S5> {
        /// Sets `api_key` (required).
        pub fn api_key(
            self,
            value: impl ::core::convert::Into<Secret>,
        ) -> LoginBuilder<
            __S0,
            __S1,
            __S2,
            ::auth_core::__private::Set<Secret>,
            __S4,
            __S5,
        > {
            LoginBuilder {
                realm: self.realm,
                client_id: self.client_id,
                client_secret: self.client_secret,
                api_key: ::auth_core::__private::Set(::core::convert::Into::into(value)),
                username: self.username,
                password: self.password,
                acr: self.acr,
            }
        }
    }
    impl<
        __S0,
        __S1,
        __S2,
        __S3,
        __S5,
    > LoginBuilder<__S0, __S1, __S2, __S3, ::auth_core::__private::Unset, __S5> {
        /// Sets `username` (required).
        pub fn username(
            self,
            value: impl ::core::convert::Into<String>,
        ) -> LoginBuilder<
            __S0,
            __S1,
            __S2,
            __S3,
            ::auth_core::__private::Set<String>,
            __S5,
        > {
            LoginBuilder {
                realm: self.realm,
                client_id: self.client_id,
                client_secret: self.client_secret,
                api_key: self.api_key,
                username: ::auth_core::__private::Set(
                    ::core::convert::Into::into(value),
                ),
                password: self.password,
                acr: self.acr,
            }
        }
    }
    impl<
        __S0,
        __S1,
        __S2,
        __S3,
        __S4,
    > LoginBuilder<__S0, __S1, __S2, __S3, __S4, ::auth_core::__private::Unset> {
        /// Sets `password` (required).
        pub fn password(
            self,
            value: impl ::core::convert::Into<Secret>,
        ) -> LoginBuilder<
            __S0,
            __S1,
            __S2,
            __S3,
            __S4,
            ::auth_core::__private::Set<Secret>,
        > {
            LoginBuilder {
                realm: self.realm,
                client_id: self.client_id,
                client_secret: self.client_secret,
                api_key: self.api_key,
                username: self.username,
                password: ::auth_core::__private::Set(
                    ::core::convert::Into::into(value),
                ),
                acr: self.acr,
            }
        }
    }
    impl<
        __S0,
        __S1,
        __S2,
        __S3,
        __S4,
        __S5,
    > LoginBuilder<__S0, __S1, __S2, __S3, __S4, __S5> {
        /// Sets `acr` (optional; left out of the request when not set).
        pub fn acr(mut self, value: impl ::core::convert::Into<String>) -> Self {
            self.acr = ::core::option::Option::Some(::core::convert::Into::into(value));
            self
        }
        /// Sets `acr` from an `Option`: `None` leaves it out of the request, as if [`acr`](Self::acr) were not called.
        pub fn maybe_acr(mut self, value: ::core::option::Option<String>) -> Self {
            self.acr = value;
            self
        }
        /// Builds the request. Available once every required field is set.
        pub fn build(self) -> Login
        where
            __S0: __state::realm<Value = String>,
            __S1: __state::client_id<Value = String>,
            __S2: __state::client_secret<Value = Secret>,
            __S3: __state::api_key<Value = Secret>,
            __S4: __state::username<Value = String>,
            __S5: __state::password<Value = Secret>,
        {
            Login {
                realm: <__S0 as __state::realm>::__value(self.realm),
                client_id: <__S1 as __state::client_id>::__value(self.client_id),
                client_secret: <__S2 as __state::client_secret>::__value(
                    self.client_secret,
                ),
                api_key: <__S3 as __state::api_key>::__value(self.api_key),
                username: <__S4 as __state::username>::__value(self.username),
                password: <__S5 as __state::password>::__value(self.password),
                acr: self.acr,
            }
        }
    }
    #[automatically_derived]
    impl<
        __S0: ::core::fmt::Debug,
        __S1: ::core::fmt::Debug,
        __S2: ::core::fmt::Debug,
        __S3: ::core::fmt::Debug,
        __S4: ::core::fmt::Debug,
        __S5: ::core::fmt::Debug,
    > ::core::fmt::Debug for LoginBuilder<__S0, __S1, __S2, __S3, __S4, __S5> {
        fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            __f.debug_struct(::core::stringify!(LoginBuilder))
                .field(::core::stringify!(realm), &self.realm)
                .field(::core::stringify!(client_id), &self.client_id)
                .field(::core::stringify!(client_secret), &self.client_secret)
                .field(::core::stringify!(api_key), &self.api_key)
                .field(::core::stringify!(username), &self.username)
                .field(::core::stringify!(password), &self.password)
                .field(::core::stringify!(acr), &self.acr)
                .finish()
        }
    }
};
#[automatically_derived]
impl ::auth_core::__private::LoginRequest for Login {
    fn __describe<'__a>(
        &'__a self,
        __parts: &mut ::auth_core::__private::RequestParts<'__a>,
    ) {
        __parts.path("realm", &self.realm, false);
        __parts.basic_user(&self.client_id);
        __parts.basic_password(&self.client_secret);
        __parts.query("key", &self.api_key, true);
        __parts.form("username", &self.username, false);
        __parts.form("password", &self.password, true);
        __parts.form("acr_values", &self.acr, false);
    }
    fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
        __secret(::auth_core::Secret::expose_secret(&self.client_secret));
        __secret(::auth_core::Secret::expose_secret(&self.api_key));
        __secret(::auth_core::Secret::expose_secret(&self.password));
    }
}
#[automatically_derived]
impl ::auth_core::LoginEndpoint for Login {
    type Response = TokenResponse;
    type ErrorBody = ::auth_core::NoErrorBody;
    const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::EndpointSpec::__new(
        "Example IdP",
        ::auth_core::Method::Post,
        ::core::option::Option::None,
        "/realms/{realm}/token",
        ::auth_core::BodyFormat::Form,
        ::core::option::Option::Some("application/x-www-form-urlencoded"),
        &[],
        &[("version", "2")],
        &[("grant_type", "password"), ("scope", "openid"), ("scope", "email")],
        &[],
        ::auth_core::LifetimePolicy {
            fixed: ::core::option::Option::None,
            idle: ::core::option::Option::None,
        },
        ::core::option::Option::None,
        ::auth_core::ResponseSpec::__new(
            "TokenResponse",
            ::auth_core::Source::Body("access_token"),
            ::core::option::Option::None,
            ::core::option::Option::None,
            ::core::option::Option::None,
            ::auth_core::ErrorKind::Rejected,
        ),
    );
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
            refresh_token: ::core::option::Option::None,
            expiry: ::auth_core::__private::ExpiryValue::Absent,
            refresh_expiry: ::auth_core::__private::ExpiryValue::Absent,
        }
    }
}
